package org.carbonsink.registry.project;

import java.time.Clock;
import java.util.UUID;
import org.carbonsink.registry.audit.AuditTrail;
import org.carbonsink.support.web.ProblemException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * After a positive validation report the owner applies for registration (CCER Art. 12); the registry
 * must decide within 15 working days, and the deadline is fixed now and shown on the project.
 */
@Component
public class ApplyingForRegistration {

    private final Projects projects;
    private final ProjectOwnership ownership;
    private final ValidationReports reports;
    private final DesignCheck designCheck;
    private final ProjectCalendar calendar;
    private final AuditTrail audit;
    private final Clock clock;

    ApplyingForRegistration(Projects projects, ProjectOwnership ownership, ValidationReports reports,
            DesignCheck designCheck, ProjectCalendar calendar, AuditTrail audit, Clock clock) {
        this.projects = projects;
        this.ownership = ownership;
        this.reports = reports;
        this.designCheck = designCheck;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Project apply(UUID projectId, UUID ownerId) {
        Project project = ownership.lockOwned(projectId, ownerId, "apply to register the project");
        Project.Status next = ProjectLifecycle.next(project.status(), ProjectLifecycle.Act.APPLY_FOR_REGISTRATION,
                project.code());
        ValidationReport report = reports.of(projectId).orElseThrow(() -> ProblemException.rule(
                "validation-report-missing", "No validation report", "project " + project.code()
                        + " has no validation report yet; the owner applies after a positive one"));
        if (!report.positive()) {
            throw ProblemException.rule("validation-negative", "Validation report is negative",
                    "the validator's report on project " + project.code()
                            + " is negative; only a positively validated project may apply for registration");
        }
        designCheck.eligible(project.design());
        Project.Deadline due = calendar.decisionDueFromToday();
        projects.apply(projectId, clock.instant(), due);
        audit.append("PROJECT_REGISTRATION_APPLIED", ProjectAudit.SUBJECT, projectId.toString(), ownerId,
                ProjectAudit.transition(project, next, "decisionDue", due.due()));
        return projects.get(projectId);
    }
}
