package org.carbonsink.verification.report.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.carbonsink.verification.report.ReportDecision;

/** The verifier's decision; a comment is required to reject. */
record DecisionRequest(@NotNull ReportDecision decision, @Size(max = 4000) String comment) {
}
