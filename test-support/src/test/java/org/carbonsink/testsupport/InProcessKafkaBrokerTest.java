package org.carbonsink.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class InProcessKafkaBrokerTest {

    @Test
    void keepsMessagesAcrossARestartOnTheSamePort() throws Exception {
        Path logDir = Files.createTempDirectory("kafka-test-");
        try (InProcessKafkaBroker broker = new InProcessKafkaBroker(InProcessKafkaBroker.freePort(), logDir).start()) {
            send(broker, "before-restart");
            broker.stop();
            assertThat(broker.isRunning()).isFalse();

            broker.start();
            send(broker, "after-restart");

            assertThat(readAll(broker)).containsExactly("before-restart", "after-restart");
        }
    }

    @Test
    void choosesPortsThatNoOutgoingConnectionIsGiven() {
        for (int i = 0; i < 20; i++) {
            assertThat(InProcessKafkaBroker.freePort()).isBetween(InProcessKafkaBroker.LOWEST_PORT,
                    InProcessKafkaBroker.ephemeralPortsFrom() - 1);
        }
    }

    private static void send(InProcessKafkaBroker broker, String value) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("restart.test.v1", "k", value)).get();
        }
    }

    private static List<String> readAll(InProcessKafkaBroker broker) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers(),
                "group.id", UUID.randomUUID().toString(), "auto.offset.reset", "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of("restart.test.v1"));
            List<String> values = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (values.size() < 2 && System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                records.forEach(r -> values.add(r.value()));
            }
            return values;
        }
    }
}
