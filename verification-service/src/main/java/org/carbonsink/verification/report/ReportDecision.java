package org.carbonsink.verification.report;

/** What the verifier decides about a submitted report. */
public enum ReportDecision {
    APPROVE, REJECT
}
