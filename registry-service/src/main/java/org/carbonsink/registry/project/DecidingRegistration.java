package org.carbonsink.registry.project;

import java.time.Clock;
import java.util.UUID;
import org.carbonsink.registry.audit.AuditTrail;
import org.carbonsink.registry.methodology.Methodology;
import org.carbonsink.registry.participant.ParticipantRole;
import org.carbonsink.registry.participant.Participants;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A registry administrator registers or rejects a project that applied (CCER Art. 13). Registration
 * checks eligibility and the land once more, as both may have changed since the disclosure.
 */
@Component
public class DecidingRegistration {

    private final Projects projects;
    private final Participants participants;
    private final DesignCheck designCheck;
    private final LandClaims landClaims;
    private final ProjectEvents messages;
    private final AuditTrail audit;
    private final Clock clock;

    DecidingRegistration(Projects projects, Participants participants, DesignCheck designCheck, LandClaims landClaims,
            ProjectEvents messages, AuditTrail audit, Clock clock) {
        this.projects = projects;
        this.participants = participants;
        this.designCheck = designCheck;
        this.landClaims = landClaims;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Project register(UUID projectId, UUID administratorId) {
        participants.requireRole(administratorId, ParticipantRole.REGISTRY_ADMINISTRATOR, "register a project");
        Project project = projects.lock(projectId);
        Project.Status next = ProjectLifecycle.next(project.status(), ProjectLifecycle.Act.REGISTER, project.code());
        Methodology methodology = designCheck.eligible(project.design());
        landClaims.requireUnclaimed(project, methodology.overlapToleranceHectares());
        projects.decide(projectId, next, clock.instant(), administratorId, null);
        Project registered = projects.get(projectId);
        messages.registered(registered, methodology);
        audit.append("PROJECT_REGISTERED", ProjectAudit.SUBJECT, projectId.toString(), administratorId,
                ProjectAudit.transition(project, next, "bufferRate", registered.bufferRate()));
        return registered;
    }

    @Transactional
    public Project reject(UUID projectId, UUID administratorId, String reason) {
        participants.requireRole(administratorId, ParticipantRole.REGISTRY_ADMINISTRATOR, "reject a project");
        Project project = projects.lock(projectId);
        Project.Status next = ProjectLifecycle.next(project.status(), ProjectLifecycle.Act.REJECT, project.code());
        projects.decide(projectId, next, clock.instant(), administratorId, reason.strip());
        audit.append("PROJECT_REJECTED", ProjectAudit.SUBJECT, projectId.toString(), administratorId,
                ProjectAudit.transition(project, next, "reason", reason.strip()));
        return projects.get(projectId);
    }
}
