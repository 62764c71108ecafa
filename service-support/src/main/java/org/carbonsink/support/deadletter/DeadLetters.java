package org.carbonsink.support.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.carbonsink.contracts.EventHeaders;
import org.carbonsink.contracts.Topics;
import org.carbonsink.support.deadletter.DeadLetter.Replay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The dead-letter topics of the topics this service consumes, read from the beginning on demand
 * (no consumer group offsets are committed), and replays of their records to the original topic.
 * A replayed event reaches every consumer of that topic again; their inboxes make that harmless
 * where it was applied before.
 */
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final int EXCERPT = 500;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final ConsumerFactory<String, String> consumers;
    private final KafkaTemplate<String, String> kafka;
    private final KafkaListenerEndpointRegistry listeners;
    private final JdbcClient jdbc;

    public DeadLetters(ConsumerFactory<String, String> consumers, KafkaTemplate<String, String> kafka,
            KafkaListenerEndpointRegistry listeners, JdbcClient jdbc) {
        this.consumers = consumers;
        this.kafka = kafka;
        this.listeners = listeners;
        this.jdbc = jdbc;
    }

    /** The topics this service's listeners consume: only their dead letters are shown and replayed. */
    public Set<String> consumedTopics() {
        Set<String> topics = new LinkedHashSet<>();
        listeners.getListenerContainers().forEach(container -> {
            String[] names = container.getContainerProperties().getTopics();
            if (names != null) {
                topics.addAll(Arrays.asList(names));
            }
        });
        return topics;
    }

    /** The dead letters of {@code topic}, oldest first, at most {@code limit}. */
    public List<DeadLetter> list(String topic, int limit) {
        String deadLetterTopic = topic + Topics.DEAD_LETTER_SUFFIX;
        List<DeadLetter> letters = new ArrayList<>();
        try (Consumer<String, String> consumer = reader()) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic, READ_TIMEOUT).stream()
                    .map(p -> new TopicPartition(deadLetterTopic, p.partition())).toList();
            if (partitions.isEmpty()) {
                return letters;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (letters.size() < limit && !readTo(consumer, end) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (letters.size() < limit) {
                        letters.add(view(record));
                    }
                }
            }
        }
        return letters;
    }

    private static boolean readTo(Consumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    /** Sends one dead letter back to its original topic; empty when there is no such record. */
    public Optional<Replay> replay(String topic, int partition, long offset, String replayedBy) {
        return read(topic + Topics.DEAD_LETTER_SUFFIX, partition, offset).map(record -> replay(record, replayedBy));
    }

    /** Sends back every dead letter of the topic that was not sent back before; answers each replay. */
    public List<Replay> replayAll(String topic, String replayedBy) {
        String deadLetterTopic = topic + Topics.DEAD_LETTER_SUFFIX;
        List<Replay> replays = new ArrayList<>();
        for (DeadLetter letter : list(topic, Integer.MAX_VALUE)) {
            if (letter.lastReplay() == null || !"SENT".equals(letter.lastReplay().result())) {
                read(deadLetterTopic, letter.partition(), letter.offset())
                        .ifPresent(record -> replays.add(replay(record, replayedBy)));
            }
        }
        return replays;
    }

    private Replay replay(ConsumerRecord<String, String> record, String replayedBy) {
        String original = originalTopic(record);
        ProducerRecord<String, String> copy = new ProducerRecord<>(original, record.key(), record.value());
        for (Header header : record.headers()) {
            // the dead-letter headers describe the failure, not the event
            if (!header.key().startsWith("kafka_dlt-")) {
                copy.headers().add(header);
            }
        }
        String result = "SENT";
        String error = null;
        try {
            kafka.send(copy).get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = "FAILED";
            error = e.toString();
        } catch (Exception e) {
            result = "FAILED";
            error = e.getCause() == null ? e.toString() : e.getCause().toString();
        }
        log.info("dead letter {}-{}@{} replayed to {} by {}: {}", record.topic(), record.partition(), record.offset(),
                original, replayedBy, result);
        return jdbc.sql("""
                insert into dead_letter_replay (dead_letter_topic, dead_letter_partition, dead_letter_offset,
                    original_topic, event_id, replayed_by, result, error)
                values (:topic, :partition, :offset, :original, :eventId, :by, :result, :error)
                returning replayed_by, replayed_at, result, error
                """).param("topic", record.topic()).param("partition", record.partition())
                .param("offset", record.offset()).param("original", original)
                .param("eventId", header(record, EventHeaders.EVENT_ID)).param("by", replayedBy)
                .param("result", result).param("error", error).query(Replay.class).single();
    }

    private Optional<ConsumerRecord<String, String>> read(String deadLetterTopic, int partition, long offset) {
        TopicPartition where = new TopicPartition(deadLetterTopic, partition);
        try (Consumer<String, String> consumer = reader()) {
            boolean exists = consumer.partitionsFor(deadLetterTopic, READ_TIMEOUT).stream()
                    .anyMatch(p -> p.partition() == partition);
            if (!exists) {
                return Optional.empty();
            }
            consumer.assign(List.of(where));
            long end = consumer.endOffsets(List.of(where), READ_TIMEOUT).get(where);
            if (offset < 0 || offset >= end) {
                return Optional.empty();
            }
            consumer.seek(where, offset);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == offset) {
                        return Optional.of(record);
                    }
                    if (record.offset() > offset) {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.empty();
    }

    private Consumer<String, String> reader() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        return consumers.createConsumer("dead-letters-admin", "dead-letters", null, overrides);
    }

    private DeadLetter view(ConsumerRecord<String, String> record) {
        Replay last = jdbc.sql("""
                select replayed_by, replayed_at, result, error from dead_letter_replay
                where dead_letter_topic = :topic and dead_letter_partition = :partition and dead_letter_offset = :offset
                order by id desc limit 1
                """).param("topic", record.topic()).param("partition", record.partition())
                .param("offset", record.offset()).query(Replay.class).optional().orElse(null);
        String value = record.value() == null ? "" : record.value();
        return new DeadLetter(record.topic(), record.partition(), record.offset(), originalTopic(record), record.key(),
                header(record, EventHeaders.EVENT_TYPE), header(record, EventHeaders.EVENT_ID),
                header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE),
                Optional.ofNullable(header(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                        .orElse(header(record, KafkaHeaders.DLT_EXCEPTION_FQCN)),
                value.length() > EXCERPT ? value.substring(0, EXCERPT) : value,
                Instant.ofEpochMilli(record.timestamp()), last);
    }

    private static String originalTopic(ConsumerRecord<String, String> record) {
        String original = header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        if (original != null) {
            return original;
        }
        String name = record.topic();
        return name.endsWith(Topics.DEAD_LETTER_SUFFIX)
                ? name.substring(0, name.length() - Topics.DEAD_LETTER_SUFFIX.length()) : name;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
