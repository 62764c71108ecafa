package org.carbonsink.verification.report;

/** What the verifier decides about a report under verification. */
public enum ReportDecision {
    APPROVE, REJECT, REQUEST_CHANGES
}
