package org.carbonsink.verification.report;

/**
 * Where a report is in its verification: SUBMITTED -> DISCLOSED (20 working days of public
 * disclosure) -> UNDER_VERIFICATION (the assigned verifier took it up) -> CHANGES_REQUESTED ->
 * RESUBMITTED (a new version) -> VERIFIED or REJECTED; VERIFIED -> ISSUED when the registry has issued
 * every vintage.
 */
public enum ReportStatus {
    SUBMITTED, DISCLOSED, UNDER_VERIFICATION, CHANGES_REQUESTED, RESUBMITTED, VERIFIED, REJECTED, ISSUED;

    /** The verifier may conclude or ask for changes. */
    public boolean underReview() {
        return this == UNDER_VERIFICATION || this == RESUBMITTED;
    }
}
