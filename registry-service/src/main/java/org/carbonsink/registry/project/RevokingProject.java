package org.carbonsink.registry.project;

import java.time.Clock;
import org.carbonsink.registry.audit.AuditTrail;
import org.carbonsink.registry.participant.ParticipantRole;
import org.carbonsink.registry.participant.Participants;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry administrator revokes a registered or suspended project for fraud (CCER Art. 16):
 * every unretired credit of the project is cancelled wherever it is held, each cancellation with
 * the administrator's reason, in the same transaction as the revocation; pledges on the project are
 * voided and their lenders told.
 */
@Component
public class RevokingProject {

    private final Projects projects;
    private final Participants participants;
    private final ProjectCredits credits;
    private final ProjectPledges pledges;
    private final ProjectEvents messages;
    private final AuditTrail audit;
    private final Clock clock;

    RevokingProject(Projects projects, Participants participants, ProjectCredits credits, ProjectPledges pledges,
            ProjectEvents messages, AuditTrail audit, Clock clock) {
        this.projects = projects;
        this.participants = participants;
        this.credits = credits;
        this.pledges = pledges;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Revocation revoke(ChangeProjectState command) {
        participants.requireRole(command.participantId(), ParticipantRole.REGISTRY_ADMINISTRATOR, "revoke a project");
        Project project = projects.lock(command.projectId());
        Project.Status next = ProjectLifecycle.next(project.status(), ProjectLifecycle.Act.REVOKE, project.code());
        String reason = command.reason().strip();
        long cancelled = credits.cancelUnretiredCredits(project.id(), reason, command.participantId());
        pledges.projectRevoked(project.id(), reason, command.participantId());
        projects.changeState(project.id(), next, clock.instant(), command.participantId(), reason);
        Project revoked = projects.get(project.id());
        messages.stateChanged(revoked, reason, true);
        audit.append("PROJECT_REVOKED", ProjectAudit.SUBJECT, project.id().toString(), command.participantId(),
                ProjectAudit.transition(project, next, "reason", reason, "cancelledCredits", cancelled));
        return new Revocation(revoked, cancelled);
    }
}
