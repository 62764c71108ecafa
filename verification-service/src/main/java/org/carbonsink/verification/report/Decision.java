package org.carbonsink.verification.report;

import java.time.Instant;
import java.util.UUID;

/** Who decided a report, when, and why (required when rejecting). */
public record Decision(UUID decidedBy, Instant decidedAt, String comment) {
}
