package org.carbonsink.registry.project;

import java.util.UUID;

/** The owner drafts a project with its design. */
public record DraftProject(UUID ownerId, ProjectDesign design) {
}
