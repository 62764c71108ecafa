package org.carbonsink.registry.project.messaging;

import java.time.Clock;
import java.util.UUID;
import org.carbonsink.contracts.ProjectRegistered;
import org.carbonsink.contracts.Topics;
import org.carbonsink.registry.project.Project;
import org.carbonsink.support.outbox.Outbox;
import org.springframework.stereotype.Component;

/** Turns project facts into events on the outbox. */
@Component
public class ProjectMessages {

    private final Outbox outbox;
    private final Clock clock;

    ProjectMessages(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public void registered(Project p) {
        outbox.publish(Topics.REGISTRY_PROJECTS, p.id(), new ProjectRegistered(UUID.randomUUID(), clock.instant(),
                p.id(), p.code(), p.name(), p.ownerId(), p.methodologyCode(), p.ecosystemType().name(), p.province(),
                p.areaHectares(), p.bufferRate(), p.validatorId()));
    }
}
