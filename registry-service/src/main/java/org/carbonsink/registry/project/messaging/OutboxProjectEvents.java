package org.carbonsink.registry.project.messaging;

import java.time.Clock;
import java.util.UUID;
import org.carbonsink.contracts.ProjectRegistered;
import org.carbonsink.contracts.Topics;
import org.carbonsink.registry.project.Project;
import org.carbonsink.registry.project.ProjectEvents;
import org.carbonsink.support.outbox.Outbox;
import org.springframework.stereotype.Component;

/** Project facts as events on the outbox, in the caller's transaction. */
@Component
class OutboxProjectEvents implements ProjectEvents {

    private final Outbox outbox;
    private final Clock clock;

    OutboxProjectEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void registered(Project p) {
        outbox.publish(Topics.REGISTRY_PROJECTS, p.id(), new ProjectRegistered(UUID.randomUUID(), clock.instant(),
                p.id(), p.code(), p.name(), p.ownerId(), p.methodologyCode(), p.ecosystemType().name(), p.province(),
                p.areaHectares(), p.bufferRate(), p.validatorId()));
    }
}
