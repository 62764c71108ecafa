package org.carbonsink.registry.project;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;
import org.carbonsink.registry.methodology.Methodologies;
import org.carbonsink.registry.methodology.Methodology;
import org.carbonsink.registry.participant.ParticipantRole;
import org.carbonsink.registry.participant.Participants;
import org.carbonsink.support.web.ProblemException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A project owner applies to register a sink project under an active methodology. */
@Component
public class ApplyingForRegistration {

    private final Projects projects;
    private final Methodologies methodologies;
    private final Participants participants;
    private final Clock clock;

    ApplyingForRegistration(Projects projects, Methodologies methodologies, Participants participants, Clock clock) {
        this.projects = projects;
        this.methodologies = methodologies;
        this.participants = participants;
        this.clock = clock;
    }

    public record ApplyForRegistration(UUID ownerId, String name, String methodologyCode, EcosystemType ecosystemType,
            String province, BigDecimal areaHectares, UUID validatorId) {
    }

    @Transactional
    public Project apply(ApplyForRegistration command) {
        participants.requireRole(command.ownerId(), ParticipantRole.PROJECT_OWNER, "apply to register a project");
        Methodology methodology = methodologies.find(command.methodologyCode())
                .orElseThrow(() -> ProblemException.invalidField("methodologyCode", "known-methodology",
                        "is not in the methodology catalogue: " + command.methodologyCode()));
        if (methodology.status() != Methodology.Status.ACTIVE) {
            throw ProblemException.rule("methodology-not-active", "Methodology not open for registration",
                    methodology.code() + " is " + methodology.status() + "; projects register only under ACTIVE methodologies")
                    .with("field", "methodologyCode");
        }
        if (!methodology.covers(command.ecosystemType().name())) {
            throw ProblemException.rule("ecosystem-not-covered", "Methodology does not cover the ecosystem",
                    methodology.code() + " covers " + methodology.ecosystemTypes() + ", not " + command.ecosystemType())
                    .with("field", "ecosystemType");
        }
        if (command.validatorId() != null) {
            participants.find(command.validatorId()).filter(p -> p.is(ParticipantRole.VERIFIER))
                    .orElseThrow(() -> ProblemException.invalidField("validatorId", "verifier",
                            "must name a registered verifier"));
        }
        Project project = new Project(UUID.randomUUID(), projects.nextCode(), command.name().trim(), command.ownerId(),
                methodology.code(), command.ecosystemType(), command.province().trim(), command.areaHectares(),
                command.validatorId(), methodology.bufferRate(), Project.Status.REGISTRATION_APPLIED, clock.instant(),
                null, null, null);
        projects.add(project);
        return project;
    }
}
