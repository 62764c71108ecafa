package org.carbonsink.registry.project;

import java.time.Clock;
import java.util.List;
import org.carbonsink.registry.audit.AuditTrail;
import org.carbonsink.support.web.ProblemException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner cancels a project (CCER Art. 16: the project stopped): from a draft, a pending
 * application or a registered project, never from a suspension. A cancelled project is final and
 * can never be registered again; credits already issued stay with their holders. Services that
 * knew the project as registered are told. A project whose future issuance stands pledged cannot
 * be cancelled until the lender releases the pledge.
 */
@Component
public class CancellingProject {

    private final Projects projects;
    private final ProjectOwnership ownership;
    private final ProjectPledges pledges;
    private final ProjectEvents messages;
    private final AuditTrail audit;
    private final Clock clock;

    CancellingProject(Projects projects, ProjectOwnership ownership, ProjectPledges pledges, ProjectEvents messages,
            AuditTrail audit, Clock clock) {
        this.projects = projects;
        this.ownership = ownership;
        this.pledges = pledges;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Project cancel(ChangeProjectState command) {
        Project project = ownership.lockOwned(command.projectId(), command.participantId(), "cancel the project");
        Project.Status next = ProjectLifecycle.next(project.status(), ProjectLifecycle.Act.CANCEL, project.code());
        List<FuturePledge> standing = pledges.standingFuturePledges(project.id());
        if (!standing.isEmpty()) {
            // the lender lent against the credits this project is still to issue
            throw ProblemException.conflict("project-pledged", "The project's future credits are pledged",
                    "project " + project.code() + " cannot be cancelled while its future issuance is pledged under "
                            + (standing.size() == 1 ? "pledge " : "pledges ") + String.join(", ",
                                    standing.stream().map(p -> p.id().toString()).toList()))
                    .with("pledgeIds", standing.stream().map(p -> p.id().toString()).toList());
        }
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
