package org.carbonsink.verification.report.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carbonsink.contracts.CreditsIssued;
import org.carbonsink.contracts.Topics;
import org.carbonsink.support.messaging.IncomingEvents;
import org.carbonsink.verification.report.RecordingIssuance;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Learns from the registry which vintages of verified reports it issued. */
@Component
class CreditsIssuedListener {

    private final IncomingEvents.Handlers handlers;

    CreditsIssuedListener(IncomingEvents incomingEvents, RecordingIssuance recording) {
        this.handlers = incomingEvents.consumer("verification.issuances").on(CreditsIssued.class,
                event -> recording.issued(event.reportId(), event.vintage(), event.issuanceId(), event.occurredAt()));
    }

    @KafkaListener(topics = Topics.REGISTRY_CREDITS, groupId = "${spring.kafka.consumer.group-id}")
    void on(ConsumerRecord<String, String> record) {
        handlers.handle(record);
    }
}
