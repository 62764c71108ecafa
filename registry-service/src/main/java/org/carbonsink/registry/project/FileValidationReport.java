package org.carbonsink.registry.project;

import java.util.UUID;

/** The project's validator files its validation report. */
public record FileValidationReport(UUID projectId, UUID validatorId, boolean positive, String summary,
        String documentUrl) {
}
