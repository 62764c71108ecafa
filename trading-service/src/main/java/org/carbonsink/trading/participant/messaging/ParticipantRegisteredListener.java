package org.carbonsink.trading.participant.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carbonsink.contracts.ParticipantRegistered;
import org.carbonsink.contracts.Topics;
import org.carbonsink.support.messaging.IncomingEvents;
import org.carbonsink.trading.participant.RegisterParticipant;
import org.carbonsink.trading.participant.RegisteringParticipant;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class ParticipantRegisteredListener {

    private final IncomingEvents.Handlers handlers;

    ParticipantRegisteredListener(IncomingEvents incomingEvents, RegisteringParticipant registering) {
        handlers = incomingEvents.consumer("trading.participants").on(ParticipantRegistered.class,
                e -> registering.register(new RegisterParticipant(e.participantId(), e.name(), e.role(), e.occurredAt())));
    }

    @KafkaListener(topics = Topics.REGISTRY_PARTICIPANTS, groupId = "${spring.kafka.consumer.group-id}")
    void on(ConsumerRecord<String, String> record) {
        handlers.handle(record);
    }
}
