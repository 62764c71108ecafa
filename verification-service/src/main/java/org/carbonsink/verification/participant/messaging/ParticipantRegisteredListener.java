package org.carbonsink.verification.participant.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carbonsink.contracts.ParticipantRegistered;
import org.carbonsink.contracts.Topics;
import org.carbonsink.support.messaging.IncomingEvents;
import org.carbonsink.verification.participant.Participant;
import org.carbonsink.verification.participant.Participants;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the participant read model in step with the registry. */
@Component
class ParticipantRegisteredListener {

    private final IncomingEvents.Handlers handlers;

    ParticipantRegisteredListener(IncomingEvents incomingEvents, Participants participants) {
        this.handlers = incomingEvents.consumer("verification.participants").on(ParticipantRegistered.class,
                event -> participants.addIfAbsent(new Participant(event.participantId(), event.name(), event.role(),
                        event.occurredAt())));
    }

    @KafkaListener(topics = Topics.REGISTRY_PARTICIPANTS, groupId = "${spring.kafka.consumer.group-id}")
    void on(ConsumerRecord<String, String> record) {
        handlers.handle(record);
    }
}
