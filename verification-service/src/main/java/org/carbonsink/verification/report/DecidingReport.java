package org.carbonsink.verification.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.carbonsink.calendar.WorkingDayCalendar;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.support.web.ProblemException.FieldProblem;
import org.carbonsink.verification.calculation.Vintage;
import org.carbonsink.verification.project.Projects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The report's verifier approves, rejects or asks for changes. A verification concludes (approve or
 * reject) only after the disclosure window has closed. An approval is announced in the same
 * transaction, so the registry learns of every verified report once and of no other. The same
 * decision repeated on a report it already concluded changes nothing and announces nothing
 * (idempotent); a different one is a conflict.
 *
 * <p>A report whose net removals are negative (the carbon stock fell) may be approved too: it
 * supports no credits, and its verified loss ({@link ReportVersion#lossCredits()}) is announced for
 * the registry to record as a reversal (buffer cancelled, issuance blocked until made good). A report
 * with neither credits nor a loss has nothing to verify.
 */
@Component
public class DecidingReport {

    private final MonitoringReports reports;
    private final Projects projects;
    private final ReportRules rules;
    private final VerificationAnnouncements announcements;
    private final Clock clock;
    private final boolean disclosureWait;

    DecidingReport(MonitoringReports reports, Projects projects, ReportRules rules,
            VerificationAnnouncements announcements, Clock clock,
            @Value("${carbonsink.verification.disclosure-working-days:20}") int disclosureWorkingDays) {
        this.reports = reports;
        this.projects = projects;
        this.rules = rules;
        this.announcements = announcements;
        this.clock = clock;
        // zero is for demonstrations only: no disclosure to wait for (DisclosingReport)
        this.disclosureWait = disclosureWorkingDays > 0;
    }

    @Transactional
    public MonitoringReport decide(DecideReport command) {
        String comment = command.comment() == null || command.comment().isBlank() ? null : command.comment().strip();
        if (command.decision() != ReportDecision.APPROVE && comment == null) {
            throw ProblemException.invalidField("comment", "required-to-reject",
                    "is required to reject a report or to request changes: the owner must learn why");
        }
        MonitoringReport report = reports.lock(command.reportId())
                .orElseThrow(() -> ProblemException.notFound("monitoring report", command.reportId()));
        if (!report.verifierId().equals(command.decidedBy())) {
            throw ProblemException.forbidden("only the verifier named in report " + report.id() + " may decide it");
        }
        if (alreadyDecidedSo(report, command.decision())) {
            return report;
        }
        if (!report.status().underReview()) {
            boolean concluded = report.decision().isPresent();
            throw ProblemException.conflict(concluded ? "already-decided" : "not-under-verification",
                    concluded ? "Report already decided" : "Report not under verification",
                    "report " + report.id() + " is " + report.status() + (concluded ? "; a report is decided once"
                            : "; the verifier decides a report under verification (POST /reports/{id}/verification)"));
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        int version = report.current().version();
        if (command.decision() == ReportDecision.REQUEST_CHANGES) {
            reports.move(report.id(), report.status(), ReportStatus.CHANGES_REQUESTED);
            reports.record(report.id(), new Transition(report.status(), ReportStatus.CHANGES_REQUESTED, version,
                    command.decidedBy(), "VERIFIER", now, comment));
            return reports.find(report.id()).orElseThrow();
        }
        LocalDate today = LocalDate.now(clock);
        if (disclosureWait && !today.isAfter(report.disclosureCloses())) {
            int left = WorkingDayCalendar.china().workingDaysBetween(today, report.disclosureCloses());
            throw ProblemException.conflict("disclosure-open", "Public disclosure not over",
                    "report " + report.id() + " is publicly disclosed until " + report.disclosureCloses()
                            + " inclusive (" + left + " working days after today); CCER lets verification conclude "
                            + "only after the disclosure").with("disclosureCloses", report.disclosureCloses().toString());
        }
        if (command.decision() == ReportDecision.APPROVE) {
            if (report.current().credits() <= 0 && report.current().lossCredits() <= 0) {
                throw ProblemException.rule("no-credits", "Nothing to verify",
                        "report " + report.id() + " supports no credits and shows no loss (net removals "
                                + report.current().netRemovals() + " tCO2e); reject it instead")
                        .with("errors", List.of(new FieldProblem("decision", "credits-to-verify",
                                "APPROVE needs a report that supports at least one credit or shows a loss")));
            }
            rules.checkProjectMayBeVerified(projects.find(report.projectId()).orElseThrow());
        }
        ReportStatus status = command.decision() == ReportDecision.APPROVE ? ReportStatus.VERIFIED
                : ReportStatus.REJECTED;
        if (!reports.conclude(report.id(), report.status(), status, new Decision(command.decidedBy(), now, comment))) {
            throw ProblemException.conflict("already-decided", "Report already decided",
                    "report " + report.id() + " was decided meanwhile");
        }
        reports.record(report.id(), new Transition(report.status(), status, version, command.decidedBy(), "VERIFIER",
                now, comment));
        MonitoringReport decided = reports.find(report.id()).orElseThrow();
        if (status == ReportStatus.VERIFIED) {
            List<Vintage> issuable = issuable(decided.current().vintages());
            reports.addVintages(decided.id(), issuable);
            announcements.reportVerified(decided, issuable);
        }
        return decided;
    }

    /** Vintages with credits: a year whose share rounds down to nothing is not issued (and not awaited). */
    static List<Vintage> issuable(List<Vintage> vintages) {
        return vintages.stream().filter(v -> v.credits() > 0).toList();
    }

    private static boolean alreadyDecidedSo(MonitoringReport report, ReportDecision decision) {
        return switch (decision) {
            case APPROVE -> report.status() == ReportStatus.VERIFIED || report.status() == ReportStatus.ISSUED;
            case REJECT -> report.status() == ReportStatus.REJECTED;
            case REQUEST_CHANGES -> report.status() == ReportStatus.CHANGES_REQUESTED;
        };
    }
}
