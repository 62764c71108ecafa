package org.carbonsink.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.carbonsink.contracts.EventHeaders;
import org.carbonsink.support.SampleApplication.SampleHappened;
import org.carbonsink.support.outbox.Outbox;
import org.carbonsink.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commit to consumer-received latency of the outbox, woken by the commit versus polling only, each
 * as a ratio to a plain Kafka produce-to-consume round trip measured in the same run. Not part of
 * the test suite (its name matches neither Surefire's nor Failsafe's patterns); run it with the
 * command in docs/benchmarks.md ("Outbox relay latency"). Writes target/outbox-latency.md.
 */
class OutboxLatencyBenchmark {

    private static final String TOPIC = "support.bench.v1";
    private static final int WARM_UP = Integer.getInteger("bench.warmup", 50);
    private static final int SAMPLES = Integer.getInteger("bench.samples", 300);

    private final Map<String, CompletableFuture<Long>> awaited = new ConcurrentHashMap<>();
    private volatile boolean reading = true;

    @Test
    void measure() throws Exception {
        Thread reader = startReader();
        StringBuilder report = new StringBuilder();
        try (ConfigurableApplicationContext woken = start("bench_woken", true, "5s");
                ConfigurableApplicationContext polling = start("bench_polling", false, "100ms")) {
            KafkaTemplate<String, String> kafka = kafka(woken);
            // interleaved, so that the load of this busy machine falls on every path alike
            long[][] latencies = run(List.of(id -> send(kafka, id), id -> publish(woken, id), id -> publish(polling, id)));
            long[] floor = latencies[0];
            report.append("| path | p50 ms | p99 ms | max ms | p50 / floor p50 | p99 / floor p99 |\n")
                    .append("|---|---|---|---|---|---|\n")
                    .append(row("Kafka produce -> consume (floor)", floor, floor))
                    .append(row("outbox, woken by the commit", latencies[1], floor))
                    .append(row("outbox, polling only every 100 ms", latencies[2], floor));
        } finally {
            reading = false;
            reader.join(5_000);
        }
        report.append("\n").append(SAMPLES).append(" events per path, one at a time, after ").append(WARM_UP)
                .append(" warm-up events; ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(Instant.now()).append('\n');
        Path out = Path.of("target", "outbox-latency.md");
        Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
        System.out.println(report);
    }

    private ConfigurableApplicationContext start(String purpose, boolean wakeUp, String pollInterval) {
        Map<String, Object> properties = new HashMap<>(TestInfrastructure.springProperties(purpose));
        properties.put("carbonsink.outbox.wake-up", wakeUp);
        properties.put("carbonsink.outbox.poll-interval", pollInterval);
        properties.put("server.port", 0);
        // as arguments: default properties would lose to the service defaults' bootstrap servers
        return new SpringApplicationBuilder(SampleApplication.class)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    @SuppressWarnings("unchecked")
    private static KafkaTemplate<String, String> kafka(ConfigurableApplicationContext context) {
        return context.getBean(KafkaTemplate.class);
    }

    /** Answers the nanoTime at which the event left the sender's hands (commit, or send). */
    private interface Sender {
        long send(String id) throws Exception;
    }

    private long[][] run(List<Sender> senders) throws Exception {
        long[][] latencies = new long[senders.size()][SAMPLES];
        for (int i = -WARM_UP; i < SAMPLES; i++) {
            for (int path = 0; path < senders.size(); path++) {
                String id = UUID.randomUUID().toString();
                CompletableFuture<Long> arrival = new CompletableFuture<>();
                awaited.put(id, arrival);
                long sent = senders.get(path).send(id);
                // blocking, not spinning: a spinning thread would take a core from the relay and the broker
                long at = arrival.get(30, TimeUnit.SECONDS);
                awaited.remove(id);
                if (i >= 0) {
                    latencies[path][i] = at - sent;
                }
                Thread.sleep(5);
            }
        }
        for (long[] path : latencies) {
            Arrays.sort(path);
        }
        return latencies;
    }

    private static long send(KafkaTemplate<String, String> kafka, String id) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, "bench", "{}");
        record.headers().add(EventHeaders.EVENT_ID, id.getBytes(StandardCharsets.UTF_8));
        long before = System.nanoTime();
        kafka.send(record);
        return before;
    }

    private static long publish(ConfigurableApplicationContext context, String id) {
        Outbox outbox = context.getBean(Outbox.class);
        context.getBean(TransactionTemplate.class).executeWithoutResult(s -> outbox.publish(TOPIC, "bench",
                new SampleHappened(UUID.fromString(id), Instant.now(), "bench")));
        return System.nanoTime();
    }

    private Thread startReader() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestInfrastructure.kafkaBootstrapServers()))) {
            if (!admin.listTopics().names().get().contains(TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
            }
        }
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers",
                TestInfrastructure.kafkaBootstrapServers(), "group.id", "bench-" + UUID.randomUUID(),
                "enable.auto.commit", false), new StringDeserializer(), new StringDeserializer());
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        consumer.partitionsFor(TOPIC);
        consumer.assign(List.of(partition));
        consumer.seekToEnd(List.of(partition));
        consumer.position(partition);
        Consumer<KafkaConsumer<String, String>> loop = c -> {
            try (c) {
                while (reading) {
                    c.poll(Duration.ofMillis(100)).forEach(r -> {
                        long now = System.nanoTime();
                        var header = r.headers().lastHeader(EventHeaders.EVENT_ID);
                        CompletableFuture<Long> arrival = header == null ? null
                                : awaited.get(new String(header.value(), StandardCharsets.UTF_8));
                        if (arrival != null) {
                            arrival.complete(now);
                        }
                    });
                }
            }
        };
        Thread reader = new Thread(() -> loop.accept(consumer), "bench-reader");
        reader.start();
        return reader;
    }

    private static String row(String name, long[] sorted, long[] floor) {
        return String.format("| %s | %.2f | %.2f | %.2f | %.1f | %.1f |%n", name, ms(p(sorted, 50)), ms(p(sorted, 99)),
                ms(sorted[sorted.length - 1]), (double) p(sorted, 50) / p(floor, 50),
                (double) p(sorted, 99) / p(floor, 99));
    }

    private static long p(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
