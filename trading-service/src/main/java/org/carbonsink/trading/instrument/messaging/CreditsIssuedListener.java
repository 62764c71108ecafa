package org.carbonsink.trading.instrument.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carbonsink.contracts.CreditsIssued;
import org.carbonsink.contracts.Topics;
import org.carbonsink.support.messaging.IncomingEvents;
import org.carbonsink.trading.instrument.ListCredits;
import org.carbonsink.trading.instrument.ListingCredits;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class CreditsIssuedListener {

    private final IncomingEvents.Handlers handlers;

    CreditsIssuedListener(IncomingEvents incomingEvents, ListingCredits listing) {
        // the owner's quantity only: buffer credits are never for sale
        handlers = incomingEvents.consumer("trading.instruments").on(CreditsIssued.class,
                e -> listing.list(new ListCredits(e.projectId(), e.projectCode(), e.vintage(), e.quantity())));
    }

    @KafkaListener(topics = Topics.REGISTRY_CREDITS, groupId = "${spring.kafka.consumer.group-id}")
    void on(ConsumerRecord<String, String> record) {
        handlers.handle(record);
    }
}
