package org.carbonsink.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.carbonsink.contracts.EventHeaders;
import org.carbonsink.support.SampleApplication.SampleHappened;
import org.carbonsink.support.outbox.Outbox;
import org.carbonsink.support.outbox.OutboxRelay;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.PostgresServer;
import org.carbonsink.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The relay on real PostgreSQL and Kafka: woken by commits, and a poison row holds back only its own key. */
class OutboxRelayIT extends RelayContext {

    @Autowired
    Outbox outbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    MeterRegistry meters;
    @Autowired
    OutboxRelay relay;
    @LocalServerPort
    int port;

    @Test
    void theCommitThatWroteAnEventWakesTheRelayLongBeforeTheFallbackPoll() {
        UUID eventId = UUID.randomUUID();
        tx.executeWithoutResult(s -> outbox.publish(SampleApplication.TOPIC, "woken", new SampleHappened(eventId,
                Instant.now(), "woken")));

        await().atMost(Duration.ofSeconds(5)).until(() -> published(eventId));
    }

    @Test
    void anEventCommittedByAnotherInstanceWakesThisRelayThroughPostgresNotifications() throws Exception {
        UUID eventId = UUID.randomUUID();
        // another instance on the same database: no after-commit signal reaches this JVM's relay
        PostgresServer.Database db = TestInfrastructure.postgres().database(PURPOSE);
        try (Connection other = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
            other.setAutoCommit(false);
            try (PreparedStatement insert = other.prepareStatement("""
                    insert into outbox_event (event_id, topic, event_key, event_type, payload)
                    values (?, ?, 'elsewhere', 'SampleHappened', ?)""")) {
                insert.setObject(1, eventId);
                insert.setString(2, SampleApplication.TOPIC);
                insert.setString(3, "{\"eventId\":\"" + eventId + "\",\"occurredAt\":\"" + Instant.now()
                        + "\",\"name\":\"elsewhere\"}");
                insert.executeUpdate();
            }
            try (var notify = other.createStatement()) {
                notify.execute("select pg_notify('" + Outbox.CHANNEL + "', '')");
            }
            other.commit();
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> published(eventId));
    }

    @Test
    void whileAnotherInstanceHoldsTheRelayLockThisRelaySendsNothingAndThenSendsItAll() throws Exception {
        UUID eventId = UUID.randomUUID();
        PostgresServer.Database db = TestInfrastructure.postgres().database(PURPOSE);
        try (Connection other = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
            try (var lock = other.createStatement()) {
                // the relay's advisory lock (OutboxRelay.RELAY_LOCK), held by another instance's relay
                lock.execute("select pg_advisory_lock(" + 0x0c0ffee0L + ")");
            }
            publish("locked-out", eventId, "locked out");

            assertThat(relay.relayBatch().selected()).isZero();
            assertThat(published(eventId)).isFalse();
        }
        // the other instance is gone, and its lock with it
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            relay.relayBatch();
            return published(eventId);
        });
    }

    @Test
    void aRowThatCanNeverBeSentIsParkedAndHoldsBackOnlyItsOwnKey() {
        String keyA = "poisoned-" + UUID.randomUUID();
        String keyB = "healthy-" + UUID.randomUUID();
        UUID poison = UUID.randomUUID();
        UUID a2 = UUID.randomUUID();
        UUID b1 = UUID.randomUUID();
        UUID b2 = UUID.randomUUID();
        // larger than the producer's max.request.size (1 MiB): Kafka refuses it whenever it is sent. The
        // outbox refuses such a payload at publish (Outbox.MAX_PAYLOAD_BYTES), so the row is enlarged in
        // its own transaction, as a row written before that check or for a broker with a lower limit
        String tooLarge = "x".repeat(1_100_000);
        tx.executeWithoutResult(s -> {
            outbox.publish(SampleApplication.TOPIC, keyA, new SampleHappened(poison, Instant.now(), "small"));
            jdbc.sql("update outbox_event set payload = :payload where event_id = :id")
                    .param("payload", payload(poison, tooLarge)).param("id", poison).update();
        });
        publish(keyB, b1, "b1");
        publish(keyA, a2, "a2");
        publish(keyB, b2, "b2");

        await().atMost(Duration.ofSeconds(10)).until(() -> published(b1) && published(b2));
        await().atMost(Duration.ofSeconds(10)).until(() -> parkReason(poison) != null);
        assertThat(parkReason(poison)).contains("RecordTooLargeException");
        assertThat(published(a2)).isFalse();
        assertThat(meters.get("outbox.parked").gauge().value()).isGreaterThanOrEqualTo(1);

        ApiClient operator = new ApiClient("http://127.0.0.1:" + port).as(UUID.randomUUID(), "EXCHANGE_OPERATOR");
        var list = operator.get("/admin/outbox/parked").expect(200);
        assertThat(list.toString()).contains(poison.toString()).contains("RecordTooLargeException");
        assertThat(new ApiClient("http://127.0.0.1:" + port).as(UUID.randomUUID(), "REGISTRY_ADMINISTRATOR")
                .get("/admin/outbox/parked").status()).isEqualTo(403);

        // the fix: here the row is trimmed; in practice a larger max.request.size or a granted ACL
        jdbc.sql("update outbox_event set payload = :payload where event_id = :id")
                .param("payload", payload(poison, "trimmed")).param("id", poison).update();
        var parkedId = jdbc.sql("select id from outbox_event where event_id = :id").param("id", poison)
                .query(Long.class).single();
        operator.post("/admin/outbox/parked/" + parkedId + "/release", Map.of()).expect(204);

        await().atMost(Duration.ofSeconds(10)).until(() -> published(poison) && published(a2));
        assertThat(namesInOrder(keyA)).containsExactly("trimmed", "a2");
        assertThat(operator.post("/admin/outbox/parked/" + parkedId + "/release", Map.of()).status()).isEqualTo(404);
    }

    private void publish(String key, UUID eventId, String name) {
        tx.executeWithoutResult(s -> outbox.publish(SampleApplication.TOPIC, key,
                new SampleHappened(eventId, Instant.now(), name)));
    }

    private static String payload(UUID eventId, String name) {
        return "{\"eventId\":\"" + eventId + "\",\"occurredAt\":\"" + Instant.now() + "\",\"name\":\"" + name + "\"}";
    }

    private boolean published(UUID eventId) {
        return jdbc.sql("select published_at is not null from outbox_event where event_id = :id").param("id", eventId)
                .query(Boolean.class).single();
    }

    private String parkReason(UUID eventId) {
        return jdbc.sql("select park_reason from outbox_event where event_id = :id").param("id", eventId)
                .query(String.class).optional().orElse(null);
    }

    private List<String> namesInOrder(String key) {
        List<String> names = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers",
                TestInfrastructure.kafkaBootstrapServers(), "group.id", "relay-it-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(SampleApplication.TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (names.size() < 2 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key()) && !OutboxIT.header(r, EventHeaders.EVENT_ID).isEmpty()) {
                        names.add(r.value().replaceAll(".*\"name\":\"([^\"]*)\".*", "$1"));
                    }
                }
            }
        }
        return names;
    }
}
