package org.carbonsink.registry.project;

import java.util.UUID;

/** The owner replaces the design of a project still in DRAFT. */
public record EditProject(UUID projectId, UUID ownerId, ProjectDesign design) {
}
