package org.carbonsink.registry.project;

import org.carbonsink.registry.audit.AuditTrail;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves a project from PUBLIC_DISCLOSURE to VALIDATION once its window has closed: on a schedule
 * ({@code carbonsink.projects.disclosure-check}, every minute by default), and on the spot when the
 * validator files a report after the window.
 */
@Component
public class ClosingDisclosures {

    private final Projects projects;
    private final ProjectCalendar calendar;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    ClosingDisclosures(Projects projects, ProjectCalendar calendar, AuditTrail audit, TransactionTemplate transactions) {
        this.projects = projects;
        this.calendar = calendar;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** Closes every window that ended before today, each in its own transaction; answers how many. */
    @Scheduled(fixedDelayString = "${carbonsink.projects.disclosure-check:PT1M}")
    public int closeDue() {
        int closed = 0;
        for (var id : projects.disclosuresOver(calendar.today(), calendar.now())) {
            Boolean done = transactions.execute(tx -> closeIfDue(projects.lock(id)) != null);
            closed += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return closed;
    }

    /** For a locked project: closes its disclosure if the window has ended, answering the project after; else null. */
    Project closeIfDue(Project locked) {
        if (!locked.is(Project.Status.PUBLIC_DISCLOSURE)
                || !locked.disclosure().over(calendar.today(), calendar.now())) {
            return null;
        }
        Project.Status next = ProjectLifecycle.next(locked.status(), ProjectLifecycle.Act.CLOSE_DISCLOSURE,
                locked.code());
        projects.changeStatus(locked.id(), next);
        audit.append("PROJECT_DISCLOSURE_CLOSED", ProjectAudit.SUBJECT, locked.id().toString(), null,
                ProjectAudit.transition(locked, next, "closed", locked.disclosure().closes()));
        return projects.get(locked.id());
    }
}
