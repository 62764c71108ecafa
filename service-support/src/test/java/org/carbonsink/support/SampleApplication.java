package org.carbonsink.support;

import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carbonsink.support.messaging.EventRefused;
import org.carbonsink.support.messaging.IncomingEvents;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A minimal service for the support tests: one event type, one consumer with a visible effect. */
@SpringBootApplication
class SampleApplication {

    static final String TOPIC = "support.samples.v1";
    static final String REFUSED = "refused";

    record SampleHappened(UUID eventId, Instant occurredAt, String name) {
    }

    /** A command that creates something, to retry with an Idempotency-Key. */
    @RestController
    static class SampleController {

        private final JdbcClient jdbc;

        SampleController(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        record CreateSample(@NotBlank String name) {
        }

        @PostMapping("/samples")
        ResponseEntity<Map<String, Object>> create(@Valid @RequestBody CreateSample request) {
            UUID id = UUID.randomUUID();
            jdbc.sql("insert into sample_effect (event_id, name) values (:id, :name)").param("id", id)
                    .param("name", request.name()).update();
            return ResponseEntity.status(201).body(Map.of("id", id, "name", request.name()));
        }
    }

    @Component
    static class SampleListener {

        private final IncomingEvents.Handlers handlers;

        SampleListener(IncomingEvents events, JdbcClient jdbc) {
            this.handlers = events.consumer("sample-effect").on(SampleHappened.class, e -> {
                if (e.name().equals(REFUSED)) {
                    throw new EventRefused("a sample named " + REFUSED + " is refused for ever");
                }
                jdbc.sql("insert into sample_effect (event_id, name) values (:id, :name)")
                        .param("id", e.eventId()).param("name", e.name()).update();
            });
        }

        // a group per context: every cached test context applies every event to its own database
        @KafkaListener(topics = TOPIC, groupId = "support-test-${random.uuid}")
        void on(ConsumerRecord<String, String> record) {
            handlers.handle(record);
        }
    }
}
