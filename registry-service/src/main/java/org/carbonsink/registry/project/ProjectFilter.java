package org.carbonsink.registry.project;

import java.util.UUID;

/** What the public list of projects may be narrowed to; a null member does not narrow it. */
public record ProjectFilter(Project.Status status, UUID ownerId, EcosystemType ecosystemType, String province,
        String methodologyCode) {
}
