package org.carbonsink.verification.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.carbonsink.calendar.WorkingDayCalendar;
import org.carbonsink.calendar.WorkingDayWindow;
import org.carbonsink.support.web.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner discloses a submitted report with its verifier's name (CCER: 20 working days of public
 * disclosure before verification concludes). The window opens today (China's calendar) and closes
 * after the configured number of working days ({@code carbonsink.verification.disclosure-working-days},
 * default 20), counted on the shared working-day calendar. Zero (for demonstrations only; CCER
 * asks for 20) opens and closes the window on the same day and lets the verification conclude at once.
 */
@Component
public class DisclosingReport {

    private final MonitoringReports reports;
    private final Clock clock;
    private final int workingDays;

    DisclosingReport(MonitoringReports reports, Clock clock,
            @Value("${carbonsink.verification.disclosure-working-days:20}") int workingDays) {
        this.reports = reports;
        this.clock = clock;
        if (workingDays < 0) {
            throw new IllegalArgumentException("carbonsink.verification.disclosure-working-days must not be negative");
        }
        this.workingDays = workingDays;
    }

    @Transactional
    public MonitoringReport disclose(UUID reportId, UUID caller) {
        MonitoringReport report = reports.lock(reportId)
                .orElseThrow(() -> ProblemException.notFound("monitoring report", reportId));
        if (!report.ownerId().equals(caller)) {
            throw ProblemException.forbidden("only the owner of report " + reportId + " may disclose it");
        }
        if (report.status() != ReportStatus.SUBMITTED) {
            throw ProblemException.conflict("already-disclosed", "Already disclosed",
                    "report " + reportId + " is " + report.status() + "; a report is disclosed once");
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        LocalDate today = LocalDate.now(clock);
        if (workingDays == 0) {
            reports.disclosed(reportId, today, today);
            reports.record(reportId, new Transition(ReportStatus.SUBMITTED, ReportStatus.DISCLOSED,
                    report.current().version(), caller, "PROJECT_OWNER", now,
                    "disclosed without a waiting period (carbonsink.verification.disclosure-working-days = 0)"));
            return reports.find(reportId).orElseThrow();
        }
        WorkingDayWindow window = WorkingDayCalendar.china().window(today, workingDays);
        reports.disclosed(reportId, window.opens(), window.closes());
        reports.record(reportId, new Transition(ReportStatus.SUBMITTED, ReportStatus.DISCLOSED,
                report.current().version(), caller, "PROJECT_OWNER", now, "disclosed for " + workingDays
                        + " working days, " + window.opens() + " to " + window.closes()
                        + (window.exact() ? "" : "; " + window.note())));
        return reports.find(reportId).orElseThrow();
    }
}
