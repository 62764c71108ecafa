package org.carbonsink.verification.report;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry issued the credits of one vintage of a verified report. When every vintage announced
 * has come back, the report is ISSUED (not on the first: a report is issued when all its credits are).
 * A vintage issued twice, an unknown report or an unknown vintage changes nothing.
 */
@Component
public class RecordingIssuance {

    private static final Logger log = LoggerFactory.getLogger(RecordingIssuance.class);

    private final MonitoringReports reports;
    private final Clock clock;

    RecordingIssuance(MonitoringReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    /** Runs in the transaction of the incoming event, with its inbox row. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void issued(UUID reportId, int vintage, UUID issuanceId, Instant issuedAt) {
        if (reportId == null) {
            return;
        }
        var found = reports.lock(reportId);
        if (found.isEmpty()) {
            log.warn("credits issued for unknown report {}; ignored", reportId);
            return;
        }
        MonitoringReport report = found.get();
        if (!reports.vintageIssued(reportId, vintage, issuanceId, issuedAt)) {
            log.warn("vintage {} of report {} unknown or issued already; issuance {} ignored", vintage, reportId,
                    issuanceId);
            return;
        }
        if (report.status() == ReportStatus.VERIFIED && reports.vintagesAwaitingIssuance(reportId) == 0) {
            reports.move(reportId, ReportStatus.VERIFIED, ReportStatus.ISSUED);
            reports.record(reportId, new Transition(ReportStatus.VERIFIED, ReportStatus.ISSUED,
                    report.current().version(), null, "REGISTRY", Instant.now(clock).truncatedTo(ChronoUnit.MICROS),
                    "every vintage issued"));
        }
    }
}
