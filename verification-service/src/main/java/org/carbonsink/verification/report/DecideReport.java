package org.carbonsink.verification.report;

import java.util.UUID;

/** A verifier's decision on a report; the comment is required to reject. */
public record DecideReport(UUID reportId, UUID decidedBy, ReportDecision decision, String comment) {
}
