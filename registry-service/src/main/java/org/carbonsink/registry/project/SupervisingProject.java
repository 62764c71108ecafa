package org.carbonsink.registry.project;

import java.time.Clock;
import org.carbonsink.registry.audit.AuditTrail;
import org.carbonsink.registry.participant.ParticipantRole;
import org.carbonsink.registry.participant.Participants;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry administrator suspends a registered project (its credits' issuance and movements
 * are frozen: the ledger checks {@link Project#status()}) and later resumes it. Each change is told
 * to the other services ({@code ProjectStateChanged}) with the administrator's reason.
 */
@Component
public class SupervisingProject {

    private final Projects projects;
    private final Participants participants;
    private final ProjectEvents messages;
    private final ProjectCredits credits;
    private final AuditTrail audit;
    private final Clock clock;

    SupervisingProject(Projects projects, Participants participants, ProjectEvents messages, ProjectCredits credits,
            AuditTrail audit, Clock clock) {
        this.projects = projects;
        this.participants = participants;
        this.messages = messages;
        this.credits = credits;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Project suspend(ChangeProjectState command) {
        return change(command, ProjectLifecycle.Act.SUSPEND, "PROJECT_SUSPENDED", "suspend a project");
    }

    @Transactional
    public Project resume(ChangeProjectState command) {
        return change(command, ProjectLifecycle.Act.RESUME, "PROJECT_RESUMED", "resume a suspended project");
    }

    private Project change(ChangeProjectState command, ProjectLifecycle.Act act, String action, String what) {
        participants.requireRole(command.participantId(), ParticipantRole.REGISTRY_ADMINISTRATOR, what);
        Project project = projects.lock(command.projectId());
        Project.Status next = ProjectLifecycle.next(project.status(), act, project.code());
        String reason = command.reason().strip();
        projects.changeState(project.id(), next, clock.instant(), command.participantId(), reason);
        Project changed = projects.get(project.id());
        // resumed, the project may still wait for a reversal to be made good before it gets credits again
        boolean issuanceBlocked = !changed.is(Project.Status.REGISTERED)
                || credits.issuanceBlockedByReversal(changed.id());
        messages.stateChanged(changed, reason, issuanceBlocked);
        audit.append(action, ProjectAudit.SUBJECT, project.id().toString(), command.participantId(),
                ProjectAudit.transition(project, next, "reason", reason));
        return changed;
    }
}
