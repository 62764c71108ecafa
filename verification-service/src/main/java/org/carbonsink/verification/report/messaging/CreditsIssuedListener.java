package org.carbonsink.verification.report.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carbonsink.contracts.CreditsIssued;
import org.carbonsink.contracts.ReversalRecorded;
import org.carbonsink.contracts.Topics;
import org.carbonsink.support.messaging.IncomingEvents;
import org.carbonsink.verification.report.RecordingIssuance;
import org.carbonsink.verification.report.RecordingReversal;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Learns from the registry which vintages of verified reports it issued, and which reversal it
 * recorded for the loss of a verified report.
 */
@Component
class CreditsIssuedListener {

    private final IncomingEvents.Handlers handlers;

    CreditsIssuedListener(IncomingEvents incomingEvents, RecordingIssuance recording, RecordingReversal reversing) {
        this.handlers = incomingEvents.consumer("verification.issuances").on(CreditsIssued.class,
                event -> recording.issued(event.reportId(), event.vintage(), event.issuanceId(), event.occurredAt()))
                .on(ReversalRecorded.class, event -> reversing.reversed(event.reportId(), event.reversalId()));
    }

    @KafkaListener(topics = Topics.REGISTRY_CREDITS, groupId = "${spring.kafka.consumer.group-id}")
    void on(ConsumerRecord<String, String> record) {
        handlers.handle(record);
    }
}
