package org.carbonsink.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.carbonsink.contracts.EventHeaders;
import org.carbonsink.contracts.Topics;
import org.carbonsink.testsupport.PostgresServer;
import org.carbonsink.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A consumer whose own database is down keeps retrying until it is back, and applies the event
 * once; only an event that no retry can help goes to the dead-letter topic, at once. The pool
 * gives up on a connection after one second, so each attempt during the outage fails quickly.
 */
@SpringBootTest(properties = "spring.datasource.hikari.connection-timeout=1000")
class ConsumerRetryIT {

    private static final String PURPOSE = "support_retry";
    private static final String DEAD_LETTERS = SampleApplication.TOPIC + Topics.DEAD_LETTER_SUFFIX;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.springProperties(PURPOSE).forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SampleApplication.SampleListener listener;

    private KafkaConsumer<String, String> deadLetterReader;
    private final List<ConsumerRecord<String, String>> deadLetters = new ArrayList<>();

    @BeforeEach
    void readDeadLetters() {
        deadLetterReader = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers",
                TestInfrastructure.kafkaBootstrapServers(), "group.id", "retry-it-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer());
        deadLetterReader.subscribe(List.of(DEAD_LETTERS));
    }

    @AfterEach
    void closeReader() {
        deadLetterReader.close();
    }

    @Test
    void anEventArrivingWhileTheDatabaseRefusesConnectionsIsAppliedOnceItIsBack() throws Exception {
        PostgresServer server = TestInfrastructure.postgres();
        PostgresServer.Database db = server.database(PURPOSE);
        UUID eventId = UUID.randomUUID();
        server.refuseConnections(db);
        try {
            kafka.send(record(eventId, "during-outage")).get();
            // twenty seconds of outage: far longer than three quick attempts
            await().during(Duration.ofSeconds(20)).atMost(Duration.ofSeconds(30))
                    .until(() -> deadLettered(eventId).isEmpty());
            assertThat(listener.deliveries(eventId)).isGreaterThan(3);
        } finally {
            server.allowConnections(db);
        }

        // the pool may need a moment to reconnect: until then the query fails like the consumer did
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> effects(eventId) == 1);
        assertThat(deadLettered(eventId)).isEmpty();
        assertThat(jdbc.sql("select count(*) from inbox_event where event_id = :id").param("id", eventId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicAtOnce() throws Exception {
        UUID eventId = UUID.randomUUID();
        kafka.send(record(eventId, "{not json", "SampleHappened")).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> !deadLettered(eventId).isEmpty());
        assertThat(listener.deliveries(eventId)).as("delivered once, never retried").isEqualTo(1);
        assertThat(header(deadLettered(eventId).get(0), "kafka_dlt-exception-fqcn"))
                .contains("ListenerExecutionFailedException");
        assertThat(deadLettered(eventId).get(0).value()).isEqualTo("{not json");
    }

    @Test
    void anEventTheConsumerRefusesForEverGoesToTheDeadLetterTopicAtOnceAndChangesNothing() throws Exception {
        UUID eventId = UUID.randomUUID();
        kafka.send(record(eventId, SampleApplication.REFUSED)).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> !deadLettered(eventId).isEmpty());
        assertThat(listener.deliveries(eventId)).as("delivered once, never retried").isEqualTo(1);
        assertThat(header(deadLettered(eventId).get(0), "kafka_dlt-exception-cause-fqcn"))
                .isEqualTo("org.carbonsink.support.messaging.EventRefused");
        assertThat(effects(eventId)).isZero();
    }

    private List<ConsumerRecord<String, String>> deadLettered(UUID eventId) {
        deadLetterReader.poll(Duration.ofMillis(100)).forEach(deadLetters::add);
        return deadLetters.stream().filter(r -> header(r, EventHeaders.EVENT_ID).equals(eventId.toString())).toList();
    }

    private long effects(UUID eventId) {
        return jdbc.sql("select count(*) from sample_effect where event_id = :id").param("id", eventId)
                .query(Long.class).single();
    }

    private static ProducerRecord<String, String> record(UUID eventId, String name) {
        return record(eventId, "{\"eventId\":\"" + eventId + "\",\"occurredAt\":\"" + Instant.now() + "\",\"name\":\""
                + name + "\"}", "SampleHappened");
    }

    private static ProducerRecord<String, String> record(UUID eventId, String payload, String type) {
        ProducerRecord<String, String> record = new ProducerRecord<>(SampleApplication.TOPIC, eventId.toString(), payload);
        record.headers().add(EventHeaders.EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_ID, eventId.toString().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
