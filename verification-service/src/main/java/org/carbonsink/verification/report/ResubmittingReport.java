package org.carbonsink.verification.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.verification.project.Project;
import org.carbonsink.verification.project.Projects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * After the verifier asked for changes, the owner submits new contents: a new version, computed and
 * kept beside the earlier ones, which stay readable. Project and verifier stay those of the report;
 * the disclosure window already served stays served.
 */
@Component
public class ResubmittingReport {

    private final Projects projects;
    private final MonitoringReports reports;
    private final ReportRules rules;
    private final ComputingVersion computing;
    private final StockContinuity continuity;
    private final Clock clock;

    ResubmittingReport(Projects projects, MonitoringReports reports, ReportRules rules, ComputingVersion computing,
            StockContinuity continuity, Clock clock) {
        this.projects = projects;
        this.reports = reports;
        this.rules = rules;
        this.computing = computing;
        this.continuity = continuity;
        this.clock = clock;
    }

    @Transactional
    public MonitoringReport resubmit(UUID reportId, SubmitReport command) {
        MonitoringReport report = reports.lock(reportId)
                .orElseThrow(() -> ProblemException.notFound("monitoring report", reportId));
        // CCER counts the 5 years back from the application: the report's first submission
        rules.checkPeriod(command.periodStart(), command.periodEnd(),
                LocalDate.ofInstant(report.submittedAt(), clock.getZone()));
        if (!report.ownerId().equals(command.submittedBy())) {
            throw ProblemException.forbidden("only the owner of report " + reportId + " may resubmit it");
        }
        if (report.status() != ReportStatus.CHANGES_REQUESTED) {
            throw ProblemException.conflict("not-awaiting-changes", "No changes requested",
                    "report " + reportId + " is " + report.status() + "; it can be resubmitted only when the verifier "
                            + "requested changes");
        }
        if (!report.projectId().equals(command.projectId())) {
            throw ReportRules.rule("resubmission-changes-project", "Another project", "projectId", "same-project",
                    "a resubmission is of the same project as report " + reportId);
        }
        if (!report.verifierId().equals(command.verifierId())) {
            throw ReportRules.rule("resubmission-changes-verifier", "Another verifier", "verifierId", "same-verifier",
                    "the verifier disclosed with report " + reportId + " stays its verifier");
        }
        Project project = projects.lock(report.projectId()).orElseThrow();
        rules.checkProjectTakesReports(project);
        rules.checkCreditingPeriod(project, command.periodStart(), command.periodEnd());
        SubmittingReport.checkArea(command, project);
        rules.checkNoOverlap(project, command.periodStart(), command.periodEnd(), reportId);

        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        int version = report.current().version() + 1;
        ReportVersion contents = computing.compute(command, project, reportId, version, now);
        continuity.check(project, reportId, command.periodStart(), command.periodEnd(), contents);
        reports.addVersion(reportId, contents);
        reports.resubmitted(reportId, contents);
        reports.record(reportId, new Transition(ReportStatus.CHANGES_REQUESTED, ReportStatus.RESUBMITTED, version,
                command.submittedBy(), "PROJECT_OWNER", now, null));
        return reports.find(reportId).orElseThrow();
    }
}
