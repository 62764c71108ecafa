package org.carbonsink.verification.report;

import java.util.List;
import org.carbonsink.verification.calculation.Vintage;

/** Tells the other services about verified reports, in the transaction that verified them. */
public interface VerificationAnnouncements {

    /** The report was verified; {@code vintages} are those to issue (each with credits). */
    void reportVerified(MonitoringReport report, List<Vintage> vintages);
}
