package org.carbonsink.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.carbonsink.contracts.EventHeaders;
import org.carbonsink.support.SampleApplication.SampleHappened;
import org.carbonsink.support.outbox.Outbox;
import org.carbonsink.testsupport.InProcessKafkaBroker;
import org.carbonsink.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox against a real PostgreSQL and a real broker that this test stops and starts: an event
 * committed while Kafka is unreachable is delivered once it is back.
 */
@SpringBootTest(properties = "carbonsink.outbox.poll-interval=50ms")
class OutboxIT {

    // A broker of this test's own: it is stopped mid-test, which must not disturb other tests. It
    // runs until the JVM exits: stopped earlier, the cached context's Kafka clients would wait for
    // it at shutdown.
    static final InProcessKafkaBroker broker = InProcessKafkaBroker.onFreePort().start();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.springProperties("support_outbox").forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
    }

    @Autowired
    Outbox outbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void deliversAnEventCommittedWhileKafkaIsUnreachableOnceKafkaIsBack() {
        broker.stop();
        UUID eventId = UUID.randomUUID();
        tx.executeWithoutResult(s -> outbox.publish(SampleApplication.TOPIC, "key-1",
                new SampleHappened(eventId, Instant.now(), "while-down")));

        await().atMost(Duration.ofSeconds(30)).until(() -> attempts(eventId) >= 1);
        assertThat(published(eventId)).isFalse();

        broker.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> published(eventId));
        List<ConsumerRecord<String, String>> received = readTopic();
        assertThat(received).filteredOn(r -> header(r, EventHeaders.EVENT_ID).equals(eventId.toString()))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.key()).isEqualTo("key-1");
                    assertThat(r.value()).contains("\"name\":\"while-down\"");
                    assertThat(header(r, EventHeaders.EVENT_TYPE)).isEqualTo("SampleHappened");
                });
        // the consumer of the sample service applied it, once
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(eventId) == 1);
    }

    @Test
    void anEventRolledBackWithItsTransactionIsNeverSent() {
        UUID eventId = UUID.randomUUID();
        tx.executeWithoutResult(s -> {
            outbox.publish(SampleApplication.TOPIC, "key-2", new SampleHappened(eventId, Instant.now(), "rolled-back"));
            s.setRollbackOnly();
        });

        assertThat(jdbc.sql("select count(*) from outbox_event where event_id = :id").param("id", eventId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void refusesAnEventLargerThanTheLimitWithItsSizeAndRollsBackItsTransaction() {
        UUID small = UUID.randomUUID();
        UUID large = UUID.randomUUID();

        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            outbox.publish(SampleApplication.TOPIC, "key-3", new SampleHappened(small, Instant.now(), "small"));
            outbox.publish(SampleApplication.TOPIC, "key-3", new SampleHappened(large, Instant.now(),
                    "x".repeat(Outbox.MAX_PAYLOAD_BYTES)));
        })).isInstanceOf(Outbox.EventTooLarge.class)
                .hasMessageContaining("SampleHappened " + large)
                .hasMessageContaining("at most 262144 bytes");

        assertThat(jdbc.sql("select count(*) from outbox_event where event_id in (:ids)")
                .param("ids", List.of(small, large)).query(Long.class).single()).as("neither event, nor the change")
                .isZero();
    }

    /**
     * The relay sends in id order, so an event must draw its id only once it holds its key's lock: else an
     * event that waited for the lock could carry an id lower than events committed while it waited, and be
     * sent after them.
     */
    @Test
    void anEventThatWaitsForItsKeyDrawsItsIdOnlyOnceTheKeyIsFree() throws Exception {
        UUID first = UUID.randomUUID();
        UUID waiting = UUID.randomUUID();
        UUID meanwhile = UUID.randomUUID();
        CountDownLatch firstPublished = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> holding = threads.submit(() -> tx.executeWithoutResult(s -> {
                outbox.publish(SampleApplication.TOPIC, "key-4", new SampleHappened(first, Instant.now(), "first"));
                firstPublished.countDown();
                await().atMost(Duration.ofSeconds(30)).until(() -> commitFirst.getCount() == 0);
            }));
            firstPublished.await();
            Future<?> blocked = threads.submit(() -> tx.executeWithoutResult(s -> outbox.publish(
                    SampleApplication.TOPIC, "key-4", new SampleHappened(waiting, Instant.now(), "waiting"))));
            await().atMost(Duration.ofSeconds(30)).until(this::anAdvisoryLockIsAwaited);
            tx.executeWithoutResult(s -> outbox.publish(SampleApplication.TOPIC, "key-5",
                    new SampleHappened(meanwhile, Instant.now(), "meanwhile")));
            commitFirst.countDown();
            holding.get(30, TimeUnit.SECONDS);
            blocked.get(30, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }

        assertThat(id(first)).isLessThan(id(meanwhile));
        assertThat(id(waiting)).as("drawn after the event committed while it waited").isGreaterThan(id(meanwhile));
    }

    private boolean anAdvisoryLockIsAwaited() {
        return jdbc.sql("""
                select exists (select 1 from pg_locks l join pg_database d on d.oid = l.database
                               where d.datname = current_database() and l.locktype = 'advisory' and not l.granted)
                """).query(Boolean.class).single();
    }

    private long id(UUID eventId) {
        return jdbc.sql("select id from outbox_event where event_id = :id").param("id", eventId).query(Long.class)
                .single();
    }

    private int attempts(UUID eventId) {
        return jdbc.sql("select attempts from outbox_event where event_id = :id").param("id", eventId)
                .query(Integer.class).single();
    }

    private boolean published(UUID eventId) {
        return jdbc.sql("select published_at is not null from outbox_event where event_id = :id").param("id", eventId)
                .query(Boolean.class).single();
    }

    private long effects(UUID eventId) {
        return jdbc.sql("select count(*) from sample_effect where event_id = :id").param("id", eventId)
                .query(Long.class).single();
    }

    private List<ConsumerRecord<String, String>> readTopic() {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers(),
                "group.id", "outbox-it-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(SampleApplication.TOPIC));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
