package org.carbonsink.registry.project;

import java.time.Clock;
import org.carbonsink.registry.audit.AuditTrail;
import org.carbonsink.support.web.ProblemException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The validator named in the design files its validation report once the disclosure window has
 * closed (CCER Art. 11): positive or negative, once. Only a positive report lets the owner apply.
 */
@Component
public class FilingValidationReport {

    private final Projects projects;
    private final ValidationReports reports;
    private final ClosingDisclosures closing;
    private final AuditTrail audit;
    private final Clock clock;

    FilingValidationReport(Projects projects, ValidationReports reports, ClosingDisclosures closing, AuditTrail audit,
            Clock clock) {
        this.projects = projects;
        this.reports = reports;
        this.closing = closing;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ValidationReport file(FileValidationReport command) {
        Project project = projects.lock(command.projectId());
        if (!command.validatorId().equals(project.validatorId())) {
            throw ProblemException.forbidden("only the validator named in the design of project " + project.code()
                    + " may file its validation report");
        }
        if (project.is(Project.Status.PUBLIC_DISCLOSURE)) {
            Project closed = closing.closeIfDue(project);
            if (closed == null) {
                throw ProblemException.conflict("disclosure-open", "Disclosure window still open",
                        "project " + project.code() + " is disclosed until " + project.disclosure().closes()
                                + "; validation follows the public disclosure");
            }
            project = closed;
        }
        ProjectLifecycle.next(project.status(), ProjectLifecycle.Act.FILE_VALIDATION_REPORT, project.code());
        if (reports.of(project.id()).isPresent()) {
            throw ProblemException.conflict("validation-report-filed", "Validation report already filed",
                    "project " + project.code() + " has its validation report; it is filed once");
        }
        ValidationReport report = new ValidationReport(project.id(), command.validatorId(), command.positive(),
                command.summary().strip(), command.documentUrl(), clock.instant());
        reports.add(report);
        audit.append("PROJECT_VALIDATION_REPORT_FILED", ProjectAudit.SUBJECT, project.id().toString(),
                command.validatorId(), ProjectAudit.transition(project, project.status(), "positive",
                        command.positive(), "summary", report.summary()));
        return report;
    }
}
