package org.carbonsink.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carbonsink.support.messaging.EventRefused;
import org.carbonsink.support.messaging.IncomingEvents;
import org.carbonsink.support.outbox.Outbox;
import org.carbonsink.support.web.ProblemException;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.carbonsink.support.web.IdempotencyFilter;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A minimal service for the support tests: one event type, one consumer with a visible effect. */
@SpringBootApplication
class SampleApplication {

    static final String TOPIC = "support.samples.v1";
    static final String REFUSED = "refused";

    record SampleHappened(UUID eventId, Instant occurredAt, String name) {
    }

    /** Applied by a handler that sends its effect in one round trip with the inbox's record of it. */
    record SamplePipelined(UUID eventId, Instant occurredAt, String name) {
    }

    /** A command that creates something, to retry with an Idempotency-Key. */
    @RestController
    static class SampleController {

        private final JdbcClient jdbc;
        private final Outbox outbox;

        SampleController(JdbcClient jdbc, Outbox outbox) {
            this.jdbc = jdbc;
            this.outbox = outbox;
        }

        /** Publishes a {@link SampleHappened} through the outbox; the listener applies it. */
        @PostMapping("/published-samples")
        @Transactional
        ResponseEntity<Map<String, Object>> publish(@Valid @RequestBody CreateSample request) {
            UUID eventId = UUID.randomUUID();
            outbox.publish(TOPIC, request.name(), new SampleHappened(eventId, Instant.now(), request.name()));
            return ResponseEntity.status(202).body(Map.of("eventId", eventId));
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

        /**
         * The same command under a rule that leaves the key to the command (recorded-by-command): it
         * runs every time and answers the request hash the filter handed it.
         */
        @PostMapping("/self-recorded-samples")
        ResponseEntity<Map<String, Object>> createRecordingItsKey(@Valid @RequestBody CreateSample request,
                @RequestAttribute(name = IdempotencyFilter.REQUEST_HASH, required = false) String requestHash) {
            create(request);
            return ResponseEntity.status(201).body(Map.of("requestHash", String.valueOf(requestHash)));
        }

        /**
         * The same command in a transaction the Idempotency-Key joins (a rule in application.yml);
         * a name in {@link #FAIL_ONCE} fails once after writing, a name in {@link #HELD} waits until
         * the test opens its gate, so that duplicates overlap.
         */
        @PostMapping("/transactional-samples")
        @Transactional
        ResponseEntity<Map<String, Object>> createInTransaction(@Valid @RequestBody CreateSample request)
                throws InterruptedException {
            ResponseEntity<Map<String, Object>> created = create(request);
            if (FAIL_ONCE.remove(request.name())) {
                throw new IllegalStateException("failed after writing " + request.name());
            }
            if (request.name().startsWith("refused-after-writing")) {
                throw ProblemException.rule("sample-refused", "Sample refused", "refused after writing");
            }
            CountDownLatch gate = HELD.get(request.name());
            if (gate != null && !gate.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the gate of " + request.name());
            }
            return created;
        }
    }

    static final Set<String> FAIL_ONCE = ConcurrentHashMap.newKeySet();
    /** Names whose command, once it has written, waits until the test counts its latch down. */
    static final Map<String, CountDownLatch> HELD = new ConcurrentHashMap<>();
    /** Names the listener refuses until a test takes them out, as a fix of the rule would. */
    static final Set<String> REFUSED_UNTIL_FIXED = ConcurrentHashMap.newKeySet();

    @Component
    static class SampleListener {

        private final IncomingEvents.Handlers handlers;
        private final Map<String, Integer> deliveries = new ConcurrentHashMap<>();

        SampleListener(IncomingEvents events, JdbcClient jdbc, JdbcOperations template) {
            this.handlers = events.consumer("sample-effect").on(SampleHappened.class, e -> {
                if (e.name().equals(REFUSED) || REFUSED_UNTIL_FIXED.contains(e.name())) {
                    throw new EventRefused("a sample named " + REFUSED + " is refused for ever");
                }
                jdbc.sql("insert into sample_effect (event_id, name) values (:id, :name)")
                        .param("id", e.eventId()).param("name", e.name()).update();
            }).onPipelined(SamplePipelined.class, (e, first) -> first
                    .update("insert into sample_effect (event_id, name) values (?, ?)", e.eventId(), e.name())
                    .run(template));
        }

        // a group per context: every cached test context applies every event to its own database
        @KafkaListener(topics = TOPIC, groupId = "support-test-${random.uuid}")
        void on(ConsumerRecord<String, String> record) {
            var eventId = record.headers().lastHeader("event-id");
            if (eventId != null) {
                deliveries.merge(new String(eventId.value(), StandardCharsets.UTF_8), 1, Integer::sum);
            }
            handlers.handle(record);
        }

        /** How often this context's listener was handed the event: once, unless it was retried. */
        int deliveries(UUID eventId) {
            return deliveries.getOrDefault(eventId.toString(), 0);
        }
    }
}
