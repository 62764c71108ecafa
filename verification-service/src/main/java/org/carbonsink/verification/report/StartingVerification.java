package org.carbonsink.verification.report;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.verification.project.Project;
import org.carbonsink.verification.project.Projects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The report's assigned verifier takes a disclosed report up. The verifier rules are checked again
 * (the registry may have learnt more since the submission), and so is the project's state.
 */
@Component
public class StartingVerification {

    private final MonitoringReports reports;
    private final Projects projects;
    private final ReportRules rules;
    private final Clock clock;

    StartingVerification(MonitoringReports reports, Projects projects, ReportRules rules, Clock clock) {
        this.reports = reports;
        this.projects = projects;
        this.rules = rules;
        this.clock = clock;
    }

    @Transactional
    public MonitoringReport start(UUID reportId, UUID caller) {
        MonitoringReport report = reports.lock(reportId)
                .orElseThrow(() -> ProblemException.notFound("monitoring report", reportId));
        if (!report.verifierId().equals(caller)) {
            throw ProblemException.forbidden("only the verifier named in report " + reportId + " may verify it");
        }
        if (report.status() != ReportStatus.DISCLOSED) {
            throw ProblemException.conflict("not-disclosed", "Not awaiting verification", "report " + reportId
                    + " is " + report.status() + "; verification starts on a DISCLOSED report");
        }
        Project project = projects.find(report.projectId()).orElseThrow();
        rules.checkVerifier(project, caller);
        rules.checkProjectMayBeVerified(project);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        reports.move(reportId, ReportStatus.DISCLOSED, ReportStatus.UNDER_VERIFICATION);
        reports.record(reportId, new Transition(ReportStatus.DISCLOSED, ReportStatus.UNDER_VERIFICATION,
                report.current().version(), caller, "VERIFIER", now, null));
        return reports.find(reportId).orElseThrow();
    }
}
