package org.carbonsink.registry.participant.messaging;

import java.time.Clock;
import java.util.UUID;
import org.carbonsink.contracts.ParticipantRegistered;
import org.carbonsink.contracts.Topics;
import org.carbonsink.registry.participant.Participant;
import org.carbonsink.registry.participant.ParticipantEvents;
import org.carbonsink.support.outbox.Outbox;
import org.springframework.stereotype.Component;

/** Participant facts as events on the outbox, in the caller's transaction. */
@Component
class OutboxParticipantEvents implements ParticipantEvents {

    private final Outbox outbox;
    private final Clock clock;

    OutboxParticipantEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void registered(Participant participant) {
        outbox.publish(Topics.REGISTRY_PARTICIPANTS, participant.id(), new ParticipantRegistered(UUID.randomUUID(),
                clock.instant(), participant.id(), participant.name(), participant.role().name()));
    }
}
