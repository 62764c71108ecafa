package org.carbonsink.verification.report.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.carbonsink.verification.report.ReportDecision;

/** The verifier's decision; the findings ({@code comment}) are required to reject or to request changes. */
record DecisionRequest(@NotNull ReportDecision decision, @Size(max = 4000) String comment) {
}
