package org.carbonsink.registry.project.messaging;

import java.time.Clock;
import java.util.UUID;
import org.carbonsink.contracts.ProjectRegistered;
import org.carbonsink.contracts.ProjectStateChanged;
import org.carbonsink.contracts.Topics;
import org.carbonsink.registry.methodology.Methodology;
import org.carbonsink.registry.project.Project;
import org.carbonsink.registry.project.ProjectDesign;
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
    public void registered(Project p, Methodology methodology) {
        ProjectDesign d = p.design();
        outbox.publish(Topics.REGISTRY_PROJECTS, p.id(), new ProjectRegistered(UUID.randomUUID(), clock.instant(),
                p.id(), p.code(), d.name(), p.ownerId(), d.methodologyCode(), d.ecosystemType().name(), d.province(),
                d.areaHectares(), p.bufferRate(), d.validatorId(), d.methodologyVersion(),
                methodology.calculationMethod(), d.creditingPeriodStart(), d.creditingPeriodEnd()));
    }

    @Override
    public void stateChanged(Project p, String reason, boolean issuanceBlocked) {
        outbox.publish(Topics.REGISTRY_PROJECTS, p.id(), new ProjectStateChanged(UUID.randomUUID(), clock.instant(),
                p.id(), p.status().name(), issuanceBlocked, reason));
    }
}
