package org.carbonsink.verification.report;

/** Tells the other services about verified reports, in the transaction that verified them. */
public interface VerificationAnnouncements {

    void reportVerified(MonitoringReport report);
}
