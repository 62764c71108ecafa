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
 * A project owner drafts a sink project and edits its design while it is a DRAFT. The design must
 * be eligible from the start, so an owner learns early what the registry would refuse later. The
 * buffer share is fixed from the methodology's policy and the design's risk rating.
 */
@Component
public class DraftingProject {

    private final Projects projects;
    private final Participants participants;
    private final DesignCheck designCheck;
    private final ProjectOwnership ownership;
    private final AuditTrail audit;
    private final Clock clock;

    DraftingProject(Projects projects, Participants participants, DesignCheck designCheck, ProjectOwnership ownership,
            AuditTrail audit, Clock clock) {
        this.projects = projects;
        this.participants = participants;
        this.designCheck = designCheck;
        this.ownership = ownership;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Project draft(DraftProject command) {
        participants.requireRole(command.ownerId(), ParticipantRole.PROJECT_OWNER, "draft a project");
        Methodology methodology = designCheck.eligible(command.design());
        Project project = new Project(UUID.randomUUID(), projects.nextCode(), command.ownerId(), command.design(),
                command.design().risk().bufferRate(methodology.bufferRate()), Project.Status.DRAFT, clock.instant(),
                null, null, null, null, null, null, null, null, null);
        projects.add(project);
        audit.append("PROJECT_DRAFTED", ProjectAudit.SUBJECT, project.id().toString(), command.ownerId(),
                ProjectAudit.design(project));
        return project;
    }

    @Transactional
    public Project edit(EditProject command) {
        Project project = ownership.lockOwned(command.projectId(), command.ownerId(), "edit the project's design");
        ProjectLifecycle.next(project.status(), ProjectLifecycle.Act.EDIT_DESIGN, project.code());
        Methodology methodology = designCheck.eligible(command.design());
        Project edited = new Project(project.id(), project.code(), project.ownerId(), command.design(),
                command.design().risk().bufferRate(methodology.bufferRate()), project.status(), project.draftedAt(),
                null, null, null, null, null, null, null, null, null);
        projects.updateDesign(edited);
        audit.append("PROJECT_DESIGN_EDITED", ProjectAudit.SUBJECT, project.id().toString(), command.ownerId(),
                ProjectAudit.design(edited));
        return projects.get(project.id());
    }
}
