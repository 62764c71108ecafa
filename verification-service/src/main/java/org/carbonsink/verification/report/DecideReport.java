package org.carbonsink.verification.report;

import java.util.UUID;

/** A verifier's decision on a report; the findings ({@code comment}) are required to reject or to request changes. */
public record DecideReport(UUID reportId, UUID decidedBy, ReportDecision decision, String comment) {
}
