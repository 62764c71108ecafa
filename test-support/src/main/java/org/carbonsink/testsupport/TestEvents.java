package org.carbonsink.testsupport;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends events to, and reads them from, the test broker the way the services do: JSON values with
 * the {@code event-type} and {@code event-id} headers.
 */
public final class TestEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestEvents() {
    }

    /** Sends the event record as a service's outbox would, and waits for the broker's acknowledgement. */
    public static void send(String topic, String key, Record event) {
        send(topic, key, event, null);
    }

    /**
     * Sends the event as {@link #send(String, String, Record)} does, in the W3C trace {@code traceparent}
     * (as a producer's observation would send it), or in none when it is null.
     */
    public static void send(String topic, String key, Record event, String traceparent) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, JSON.writeValueAsString(event));
        record.headers().add("event-type", event.getClass().getSimpleName().getBytes(StandardCharsets.UTF_8));
        record.headers().add("event-id", eventId(event).toString().getBytes(StandardCharsets.UTF_8));
        if (traceparent != null) {
            record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        }
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                TestInfrastructure.kafkaBootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send " + event, e);
        }
    }

    /**
     * Reads the topic from the beginning until an event of the type matches, or the timeout passes;
     * answers the events of that type that matched.
     */
    public static <E extends Record> List<E> await(String topic, Class<E> type, Predicate<E> match, Duration timeout) {
        List<E> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers",
                TestInfrastructure.kafkaBootstrapServers(), "group.id", "test-events-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (found.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    var header = r.headers().lastHeader("event-type");
                    if (header != null && new String(header.value(), StandardCharsets.UTF_8).equals(type.getSimpleName())) {
                        E event = JSON.readValue(r.value(), type);
                        if (match.test(event)) {
                            found.add(event);
                        }
                    }
                }
            }
        }
        return found;
    }

    private static UUID eventId(Record event) {
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            if (component.getName().equals("eventId")) {
                try {
                    var accessor = component.getAccessor();
                    accessor.setAccessible(true);
                    return (UUID) accessor.invoke(event);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalArgumentException(event.getClass() + " has no eventId");
    }
}
