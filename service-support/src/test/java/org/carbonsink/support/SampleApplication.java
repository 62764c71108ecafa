package org.carbonsink.support;

import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carbonsink.support.messaging.IncomingEvents;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A minimal service for the support tests: one event type, one consumer with a visible effect. */
@SpringBootApplication
class SampleApplication {

    static final String TOPIC = "support.samples.v1";

    record SampleHappened(UUID eventId, Instant occurredAt, String name) {
    }

    @Component
    static class SampleListener {

        private final IncomingEvents.Handlers handlers;

        SampleListener(IncomingEvents events, JdbcClient jdbc) {
            this.handlers = events.consumer("sample-effect").on(SampleHappened.class,
                    e -> jdbc.sql("insert into sample_effect (event_id, name) values (:id, :name)")
                            .param("id", e.eventId()).param("name", e.name()).update());
        }

        @KafkaListener(topics = TOPIC, groupId = "support-test")
        void on(ConsumerRecord<String, String> record) {
            handlers.handle(record);
        }
    }
}
