package org.carbonsink.verification.report;

public enum ReportStatus {
    SUBMITTED, VERIFIED, REJECTED
}
