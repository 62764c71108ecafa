package org.carbonsink.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.carbonsink.contracts.EventHeaders;
import org.carbonsink.contracts.Topics;
import org.carbonsink.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The inbox on real PostgreSQL and Kafka: a redelivered event changes nothing; a poison message is dead-lettered. */
@SpringBootTest
class InboxIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.springProperties("support_inbox").forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aRedeliveredEventChangesNothing() throws Exception {
        assertRedeliveryChangesNothing("SampleHappened");
    }

    @Test
    void aRedeliveredEventChangesNothingWhenItsHandlerSendsTheInboxRecordWithItsOwnStatements() throws Exception {
        assertRedeliveryChangesNothing("SamplePipelined");
    }

    private void assertRedeliveryChangesNothing(String type) throws Exception {
        UUID eventId = UUID.randomUUID();
        String payload = "{\"eventId\":\"" + eventId + "\",\"occurredAt\":\"" + Instant.now() + "\",\"name\":\"twice\"}";

        kafka.send(record(eventId, type, payload)).get();
        kafka.send(record(eventId, type, payload)).get();
        UUID marker = UUID.randomUUID();
        kafka.send(record(marker, type, payload.replace(eventId.toString(), marker.toString()))).get();

        // the marker is sent after both copies on the same key, so once it is applied both copies were seen
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(marker) == 1);
        assertThat(effects(eventId)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from inbox_event where event_id = :id").param("id", eventId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anUnreadableMessageGoesToTheDeadLetterTopicAndChangesNothing() throws Exception {
        UUID eventId = UUID.randomUUID();
        kafka.send(record(eventId, "SampleHappened", "{not json")).get();

        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                "bootstrap.servers", TestInfrastructure.kafkaBootstrapServers(), "group.id", "dlt-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(SampleApplication.TOPIC + Topics.DEAD_LETTER_SUFFIX));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (var r : consumer.poll(Duration.ofMillis(200))) {
                    if (OutboxIT.header(r, EventHeaders.EVENT_ID).equals(eventId.toString())) {
                        return r.value().equals("{not json");
                    }
                }
                return false;
            });
        }
        assertThat(jdbc.sql("select count(*) from inbox_event where event_id = :id").param("id", eventId)
                .query(Long.class).single()).isZero();
    }

    private long effects(UUID eventId) {
        return jdbc.sql("select count(*) from sample_effect where event_id = :id").param("id", eventId)
                .query(Long.class).single();
    }

    private static ProducerRecord<String, String> record(UUID eventId, String type, String payload) {
        ProducerRecord<String, String> record = new ProducerRecord<>(SampleApplication.TOPIC, "same-key", payload);
        record.headers().add(EventHeaders.EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_ID, eventId.toString().getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
