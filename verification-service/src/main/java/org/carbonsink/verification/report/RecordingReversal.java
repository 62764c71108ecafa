package org.carbonsink.verification.report;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry recorded the loss of a verified report as a reversal: the report names it from now
 * on. A reversal the administrator recorded names no report and changes nothing here; one for an
 * unknown report, or for a report that already names its reversal, neither.
 */
@Component
public class RecordingReversal {

    private static final Logger log = LoggerFactory.getLogger(RecordingReversal.class);

    private final MonitoringReports reports;

    RecordingReversal(MonitoringReports reports) {
        this.reports = reports;
    }

    /** Runs in the transaction of the incoming event, with its inbox row. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reversed(UUID reportId, UUID reversalId) {
        if (reportId == null) {
            return;
        }
        if (!reports.reversalRecorded(reportId, reversalId)) {
            log.warn("reversal {} for report {} that is unknown or names a reversal already; ignored", reversalId,
                    reportId);
        }
    }
}
