package org.carbonsink.verification.report;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.support.web.ProblemException.FieldProblem;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The report's verifier approves or rejects it, once. An approval is announced in the same
 * transaction, so the registry learns of every verified report and of no other.
 */
@Component
public class DecidingReport {

    private final MonitoringReports reports;
    private final VerificationAnnouncements announcements;
    private final Clock clock;

    DecidingReport(MonitoringReports reports, VerificationAnnouncements announcements, Clock clock) {
        this.reports = reports;
        this.announcements = announcements;
        this.clock = clock;
    }

    @Transactional
    public MonitoringReport decide(DecideReport command) {
        String comment = command.comment() == null || command.comment().isBlank() ? null : command.comment().strip();
        if (command.decision() == ReportDecision.REJECT && comment == null) {
            throw ProblemException.invalidField("comment", "required-to-reject",
                    "is required to reject a report: the owner must learn why");
        }
        MonitoringReport report = reports.lock(command.reportId())
                .orElseThrow(() -> ProblemException.notFound("monitoring report", command.reportId()));
        if (!report.verifierId().equals(command.decidedBy())) {
            throw ProblemException.forbidden("only the verifier named in report " + report.id() + " may decide it");
        }
        if (report.status() != ReportStatus.SUBMITTED) {
            throw ProblemException.conflict("already-decided", "Report already decided",
                    "report " + report.id() + " is " + report.status() + "; a report is decided once");
        }
        if (command.decision() == ReportDecision.APPROVE && report.verifiedCredits() <= 0) {
            throw ProblemException.rule("no-credits", "Nothing to verify",
                    "report " + report.id() + " supports no credits (net removals " + report.netRemovals()
                            + " tCO2e); reject it instead")
                    .with("errors", List.of(new FieldProblem("decision", "credits-to-verify",
                            "APPROVE needs a report that supports at least one credit")));
        }
        ReportStatus status = command.decision() == ReportDecision.APPROVE ? ReportStatus.VERIFIED
                : ReportStatus.REJECTED;
        Decision decision = new Decision(command.decidedBy(), Instant.now(clock).truncatedTo(ChronoUnit.MICROS),
                comment);
        if (!reports.decide(report.id(), status, decision)) {
            throw ProblemException.conflict("already-decided", "Report already decided",
                    "report " + report.id() + " was decided meanwhile");
        }
        MonitoringReport decided = reports.find(report.id()).orElseThrow();
        if (status == ReportStatus.VERIFIED) {
            announcements.reportVerified(decided);
        }
        return decided;
    }
}
