package org.carbonsink.registry.project;

import java.time.Instant;
import java.util.UUID;

/** The validator's finding on the project design: positive or negative, with its summary and document. */
public record ValidationReport(UUID projectId, UUID validatorId, boolean positive, String summary, String documentUrl,
        Instant filedAt) {
}
