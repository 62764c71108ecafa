package org.carbonsink.registry.project;

import java.time.Clock;
import org.carbonsink.registry.audit.AuditTrail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner cancels a project (CCER Art. 16: the project stopped): from a draft, a pending
 * application or a registered project, never from a suspension. A cancelled project is final and
 * can never be registered again; credits already issued stay with their holders. Services that
 * knew the project as registered are told.
 */
@Component
public class CancellingProject {

    private final Projects projects;
    private final ProjectOwnership ownership;
    private final ProjectEvents messages;
    private final AuditTrail audit;
    private final Clock clock;

    CancellingProject(Projects projects, ProjectOwnership ownership, ProjectEvents messages, AuditTrail audit,
            Clock clock) {
        this.projects = projects;
        this.ownership = ownership;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Project cancel(ChangeProjectState command) {
        Project project = ownership.lockOwned(command.projectId(), command.participantId(), "cancel the project");
        Project.Status next = ProjectLifecycle.next(project.status(), ProjectLifecycle.Act.CANCEL, project.code());
        String reason = command.reason().strip();
        projects.changeState(project.id(), next, clock.instant(), command.participantId(), reason);
        Project cancelled = projects.get(project.id());
        if (project.is(Project.Status.REGISTERED)) {
            messages.stateChanged(cancelled, reason, true);
        }
        audit.append("PROJECT_CANCELLED", ProjectAudit.SUBJECT, project.id().toString(), command.participantId(),
                ProjectAudit.transition(project, next, "reason", reason));
        return cancelled;
    }
}
