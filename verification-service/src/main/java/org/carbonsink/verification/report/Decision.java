package org.carbonsink.verification.report;

import java.time.Instant;
import java.util.UUID;

/** Who concluded a report, when, and the findings (required when rejecting). */
public record Decision(UUID decidedBy, Instant decidedAt, String findings) {
}
