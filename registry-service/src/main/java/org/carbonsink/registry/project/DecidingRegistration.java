package org.carbonsink.registry.project;

import java.time.Clock;
import java.util.UUID;
import org.carbonsink.registry.participant.ParticipantRole;
import org.carbonsink.registry.participant.Participants;
import org.carbonsink.support.web.ProblemException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A registry administrator registers or rejects a project that applied. */
@Component
public class DecidingRegistration {

    private final Projects projects;
    private final Participants participants;
    private final ProjectEvents messages;
    private final Clock clock;

    DecidingRegistration(Projects projects, Participants participants, ProjectEvents messages, Clock clock) {
        this.projects = projects;
        this.participants = participants;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional
    public Project register(UUID projectId, UUID administratorId) {
        participants.requireRole(administratorId, ParticipantRole.REGISTRY_ADMINISTRATOR, "register a project");
        Project project = awaitingDecision(projectId);
        projects.decide(projectId, Project.Status.REGISTERED, clock.instant(), administratorId, null);
        Project registered = projects.get(projectId);
        messages.registered(registered);
        return registered;
    }

    @Transactional
    public Project reject(UUID projectId, UUID administratorId, String reason) {
        participants.requireRole(administratorId, ParticipantRole.REGISTRY_ADMINISTRATOR, "reject a project");
        awaitingDecision(projectId);
        projects.decide(projectId, Project.Status.REJECTED, clock.instant(), administratorId, reason.trim());
        return projects.get(projectId);
    }

    private Project awaitingDecision(UUID projectId) {
        Project project = projects.lock(projectId);
        if (project.status() != Project.Status.REGISTRATION_APPLIED) {
            throw ProblemException.conflict("project-already-decided", "Project already decided",
                    "project " + project.code() + " is " + project.status() + "; only an application can be decided");
        }
        return project;
    }
}
