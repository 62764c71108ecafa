package org.carbonsink.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.PostgresServer;
import org.carbonsink.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Trade executed → settled, end to end on the real services (docs/benchmarks.md, "Settlement
 * latency"): the trading service's TradeExecuted leaves through its outbox, the registry delivers the
 * held credits in its own transaction and answers CreditsDelivered through its outbox, and the trading
 * service settles the cash. Each sample is one trade of 1 credit, one at a time; its latency is the
 * trade's {@code closed_at − executed_at} in the trading database (both from the service's clock).
 * {@link SettlementProbe} stamps the moments between (the relays' sends, the listeners' calls and
 * returns), so the report also says which hop takes what.
 *
 * <p>The floor, measured in the same run and interleaved sample by sample, is what Kafka alone takes for
 * the same two hops: a record produced (acks=all, idempotent, linger.ms=0, as the services' producers),
 * consumed and answered by a second consumer-producer, and the answer consumed. Not a test (Failsafe runs
 * *IT only): {@code mvn -pl local-stack -am verify -Dit.test=SettlementLatencyBenchmark ...}; prints the table and
 * writes it to {@code local-stack/target/settlement-latency.md}. {@code -Dbench.samples} (2000) and
 * {@code -Dbench.warmup} (1000) change the counts. The warm-up is 1,000 trades because with 300 the JIT was
 * still compiling the path during the samples: the median of each tenth of the run fell from 24 to 13 ms
 * in the order run, and with 1,000 it stays flat (docs/benchmarks.md, session 7). Both together use about
 * 1,500 credits of each of the demo's two vintages, which hold about 1,600.
 */
class SettlementLatencyBenchmark {

    private static final int SAMPLES = Integer.getInteger("bench.samples", 2000);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 1000);
    /** The demo's vintages, traded in turn: one vintage's credits (about 1,600) would not cover the default count. */
    private static final List<Integer> VINTAGES = List.of(Lifecycle.VINTAGE, Lifecycle.VINTAGE - 1);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void tradeExecutedToSettled() throws Exception {
        PostgresServer postgres = TestInfrastructure.postgres();
        PostgresServer.Database trading = postgres.database("bench_trading");
        Map<String, Database> databases = Map.of(
                "registry", database(postgres.database("bench_registry")),
                "verification", database(postgres.database("bench_verification")),
                "trading", database(trading));
        List<String> arguments = new ArrayList<>(List.of("--spring.main.banner-mode=off",
                "--carbonsink.test.settlement-probe=true",
                // one caller places every order: the gateway's per-caller limit would be what is measured
                "--carbonsink.rate-limit.replenish-rate=100000", "--carbonsink.rate-limit.burst-capacity=100000"));
        arguments.addAll(Lifecycle.SHORT_WINDOWS);
        String kafka = TestInfrastructure.kafkaBootstrapServers();
        try (Services services = Services.start(databases, kafka, Services.Ports.random(), arguments);
                KafkaRoundTrip floor = new KafkaRoundTrip(kafka);
                Connection db = DriverManager.getConnection(trading.jdbcUrl(), trading.username(), trading.password())) {
            Lifecycle lifecycle = new Lifecycle(new ApiClient(services.gatewayUrl()), services.authUrl(), line -> { });
            Lifecycle.Cast cast = lifecycle.registerParticipants();
            List<String> instruments = issuedInstruments(lifecycle, cast);
            lifecycle.deposit(cast.buyer(), "10000000.00");
            for (String instrument : instruments) {
                UUID sell = lifecycle.placeOrder(cast.owner(), instrument, "SELL",
                        (WARMUP + SAMPLES) / instruments.size() + 10, "85.50").getId();
                lifecycle.awaitOrder(cast.owner(), sell, "OPEN");
            }

            long[] settle = new long[SAMPLES];
            long[] kafkaFloor = new long[SAMPLES];
            long[][] hops = new long[HOPS.size()][SAMPLES];
            long[][] spans = new long[SAMPLES][];
            List<List<SettlementProbe.Executed>> deliveries = new ArrayList<>();
            List<List<SettlementProbe.Executed>> settlements = new ArrayList<>();
            String loadBefore = load();
            GcPauses gc = null;
            for (int i = -WARMUP; i < SAMPLES; i++) {
                if (i == 0) {
                    gc = new GcPauses();
                }
                Settled trade = settled(lifecycle, cast.buyer(), instruments.get(Math.floorMod(i, instruments.size())),
                        db);
                long roundTrip = floor.micros();
                if (i >= 0) {
                    settle[i] = trade.closed() - trade.executed();
                    spans[i] = new long[] { trade.executed(), trade.closed() };
                    deliveries.add(trade.stamps().deliveryStatements);
                    settlements.add(trade.stamps().settlementStatements);
                    kafkaFloor[i] = roundTrip;
                    long[] moments = trade.moments();
                    for (int h = 0; h < HOPS.size(); h++) {
                        hops[h][i] = moments[HOPS.get(h).to()] - moments[HOPS.get(h).from()];
                    }
                }
            }
            gc.close();
            String drift = drift(settle); // before the table sorts the samples
            String table = table(kafkaFloor, settle, hops, "load average before " + loadBefore + ", after " + load())
                    + statements("The registry's delivery (3), round trip by round trip", deliveries)
                    + statements("The trading service's settlement (6), round trip by round trip", settlements)
                    + drift + gc.report(spans);
            System.out.println(table);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/settlement-latency.md"), table);
            assertThat(settle[0]).as("every trade settled after it executed").isPositive();
        }
    }

    /** The demo lifecycle up to listed instruments with issued credits, one per vintage of {@link #VINTAGES}. */
    private static List<String> issuedInstruments(Lifecycle lifecycle, Lifecycle.Cast cast) {
        String first = lifecycle.listCredits(cast).instrumentId();
        String project = first.substring(0, first.lastIndexOf('-') + 1);
        List<String> instruments = VINTAGES.stream().map(vintage -> project + vintage).toList();
        instruments.forEach(lifecycle::awaitInstrument);
        return instruments;
    }

    /**
     * Buys 1 credit against the resting sell order and waits for its trade to settle: on the probe's
     * signal of the settling listener's return, so that the waiting adds no load of its own to the
     * database it measures; the trade's row is read once before (its id) and once after (its times).
     */
    private static Settled settled(Lifecycle lifecycle, UUID buyer, String instrument, Connection db)
            throws SQLException, InterruptedException {
        UUID order = UUID.fromString(lifecycle.as(buyer).post("/api/trading/orders", Map.of("instrumentId", instrument,
                "side", "BUY", "quantity", 1, "limitPrice", "90.00")).expect(201).get("id").asString());
        long answered = SettlementProbe.micros(Instant.now());
        try (PreparedStatement query = db.prepareStatement("""
                select id, status, (extract(epoch from executed_at) * 1000000)::bigint,
                    (extract(epoch from closed_at) * 1000000)::bigint
                from trade where buy_order_id = ?
                """)) {
            query.setObject(1, order);
            // the order is answered once its batch is durable and matched, so its trade is normally there at once
            UUID trade = await().atMost(PATIENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                    .until(() -> tradeOf(query), Objects::nonNull);
            SettlementProbe.Stamps stamps = SettlementProbe.STAMPS.computeIfAbsent(trade,
                    id -> new SettlementProbe.Stamps());
            if (!stamps.settled.await(PATIENCE.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new AssertionError("the probe saw no settlement of trade " + trade + " within " + PATIENCE);
            }
            SettlementProbe.STAMPS.remove(trade);
            try (ResultSet rs = query.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(2)).as("trade of order %s", order).isEqualTo("SETTLED");
                return new Settled(rs.getLong(3), rs.getLong(4), answered, stamps);
            }
        }
    }

    private static UUID tradeOf(PreparedStatement query) throws SQLException {
        try (ResultSet rs = query.executeQuery()) {
            return rs.next() ? rs.getObject(1, UUID.class) : null;
        }
    }

    /**
     * One settled trade: its executed_at and closed_at (µs since the epoch), when the benchmark had the order's
     * HTTP answer (it is on its way through the gateway while TradeExecuted leaves), and the probe's stamps.
     */
    private record Settled(long executed, long closed, long answered, SettlementProbe.Stamps stamps) {

        /** From the trade executed to its closed_at, in the order of the path; the indexes below name them. */
        long[] moments() {
            return new long[] { executed, stamps.tradePassStarted, stamps.tradeSent, stamps.tradeAcked,
                    stamps.tradeReceived, stamps.tradeCommitStarted, stamps.tradeHandled, stamps.deliveryPassStarted,
                    stamps.deliverySent, stamps.deliveryAcked, stamps.deliveryReceived, stamps.settlementCommitStarted,
                    stamps.deliveryHandled, closed, answered };
        }
    }

    private static final int EXECUTED = 0;
    private static final int TRADE_PASS = 1;
    private static final int TRADE_SENT = 2;
    private static final int TRADE_ACKED = 3;
    private static final int TRADE_RECEIVED = 4;
    private static final int DELIVERY_COMMIT = 5;
    private static final int TRADE_HANDLED = 6;
    private static final int DELIVERY_PASS = 7;
    private static final int DELIVERY_SENT = 8;
    private static final int DELIVERY_ACKED = 9;
    private static final int DELIVERY_RECEIVED = 10;
    private static final int SETTLEMENT_COMMIT = 11;
    private static final int DELIVERY_HANDLED = 12;
    private static final int ORDER_ANSWERED = 14;

    private record Hop(String name, int from, int to) {
    }

    /** The path in order; the indented rows are parts of the row above them. */
    private static final List<Hop> HOPS = List.of(
            new Hop("1. executed (writer's batch) -> TradeExecuted sent by the trading relay", EXECUTED, TRADE_SENT),
            new Hop("&nbsp;&nbsp;1a. executed -> trading relay's pass begins (batch, commit, wake-up)", EXECUTED,
                    TRADE_PASS),
            new Hop("&nbsp;&nbsp;1b. pass begins -> sent (lock, select)", TRADE_PASS, TRADE_SENT),
            new Hop("2. TradeExecuted sent -> registry listener called (Kafka hop)", TRADE_SENT, TRADE_RECEIVED),
            new Hop("&nbsp;&nbsp;2a. sent -> acked to the trading relay (acks=all)", TRADE_SENT, TRADE_ACKED),
            new Hop("&nbsp;&nbsp;(beside 2a, not on the path: sent -> the order's HTTP answer at the client)",
                    TRADE_SENT, ORDER_ANSWERED),
            new Hop("3. registry listener called -> returned (inbox, delivery, outbox row, commit)", TRADE_RECEIVED,
                    TRADE_HANDLED),
            new Hop("&nbsp;&nbsp;3a. called -> commit asked (the delivery's statements)", TRADE_RECEIVED,
                    DELIVERY_COMMIT),
            new Hop("&nbsp;&nbsp;3b. commit asked -> returned (commit, WAL flush)", DELIVERY_COMMIT, TRADE_HANDLED),
            new Hop("4. registry committed -> CreditsDelivered sent by the registry relay", TRADE_HANDLED,
                    DELIVERY_SENT),
            new Hop("&nbsp;&nbsp;4a. committed -> registry relay's pass begins (wake-up)", TRADE_HANDLED,
                    DELIVERY_PASS),
            new Hop("5. CreditsDelivered sent -> trading listener called (Kafka hop)", DELIVERY_SENT,
                    DELIVERY_RECEIVED),
            new Hop("&nbsp;&nbsp;5a. sent -> acked to the registry relay (acks=all)", DELIVERY_SENT, DELIVERY_ACKED),
            new Hop("6. trading listener called -> returned (inbox, settlement, commit)", DELIVERY_RECEIVED,
                    DELIVERY_HANDLED),
            new Hop("&nbsp;&nbsp;6a. called -> commit asked (the settlement's statements)", DELIVERY_RECEIVED,
                    SETTLEMENT_COMMIT),
            new Hop("&nbsp;&nbsp;6b. commit asked -> returned (commit, WAL flush)", SETTLEMENT_COMMIT,
                    DELIVERY_HANDLED),
            new Hop("1-6. executed -> settlement committed", EXECUTED, DELIVERY_HANDLED));

    private static String table(long[] floor, long[] settle, long[][] hops, String load) {
        Arrays.sort(floor);
        Arrays.sort(settle);
        StringBuilder report = new StringBuilder();
        report.append(SAMPLES).append(" trades (on ").append(VINTAGES.size()).append(" instruments in turn) after ")
                .append(WARMUP).append(" warm-up trades; ").append(load)
                .append("\n\n| path | p50 ms | p99 ms | max ms | p50 / floor p50 | p99 / floor p99 |\n")
                .append("|---|---|---|---|---|---|\n");
        row(report, "Kafka, two produce -> consume hops (floor)", floor, floor);
        row(report, "trade executed -> settled", settle, floor);
        report.append("\nWhere the time goes (per hop, each sorted on its own: the percentiles of the hops do not add up)")
                .append("\n\n| hop | p50 ms | p99 ms | max ms | p50 / floor p50 | p99 / floor p99 |\n")
                .append("|---|---|---|---|---|---|\n");
        for (int h = 0; h < HOPS.size(); h++) {
            Arrays.sort(hops[h]);
            row(report, HOPS.get(h).name(), hops[h], floor);
        }
        return report.toString();
    }

    /**
     * A listener's round trips to its database, grouped by statement in the order first seen: how many per
     * trade and what each took (the JDBC call, which is the round trip and the server's work).
     */
    private static String statements(String title, List<List<SettlementProbe.Executed>> samples) {
        Map<String, List<Long>> bySql = new LinkedHashMap<>();
        samples.forEach(sample -> sample.forEach(e -> bySql.computeIfAbsent(e.sql(), sql -> new ArrayList<>())
                .add(e.micros())));
        long[] perTrade = samples.stream().mapToLong(List::size).sorted().toArray();
        long[] total = samples.stream().mapToLong(s -> s.stream().mapToLong(SettlementProbe.Executed::micros).sum())
                .sorted().toArray();
        StringBuilder report = new StringBuilder("\n").append(title).append(String.format(
                ": %d round trips per trade at the median, %.2f ms in them at the median, %.2f ms at the p99%n%n",
                p(perTrade, 50), p(total, 50) / 1000.0, p(total, 99) / 1000.0))
                .append("| statement | per trade | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|\n");
        bySql.forEach((sql, times) -> {
            long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
            report.append(String.format("| `%s` | %.2f | %.2f | %.2f | %.2f |%n", abbreviated(sql),
                    (double) sorted.length / samples.size(), p(sorted, 50) / 1000.0, p(sorted, 99) / 1000.0,
                    sorted[sorted.length - 1] / 1000.0));
        });
        return report.toString();
    }

    private static String abbreviated(String sql) {
        String flat = sql.replaceAll("\\s+", " ").replace("|", "\\|").trim();
        return flat.length() > 90 ? flat.substring(0, 90) + "…" : flat;
    }

    /** Whether the path slowed as the ledger grew: the median of each tenth of the samples, in the order run. */
    private static String drift(long[] inOrder) {
        StringBuilder report = new StringBuilder("\nMedian of each tenth of the trades, in the order run (ms):");
        int tenth = Math.max(1, inOrder.length / 10);
        for (int from = 0; from + tenth <= inOrder.length; from += tenth) {
            long[] part = Arrays.copyOfRange(inOrder, from, from + tenth);
            Arrays.sort(part);
            report.append(String.format(" %.1f", p(part, 50) / 1000.0));
        }
        return report.append("\n").toString();
    }

    private static void row(StringBuilder report, String path, long[] sorted, long[] floor) {
        report.append(String.format("| %s | %.2f | %.2f | %.2f | %.1f | %.1f |%n", path, p(sorted, 50) / 1000.0,
                p(sorted, 99) / 1000.0, sorted[sorted.length - 1] / 1000.0, (double) p(sorted, 50) / p(floor, 50),
                (double) p(sorted, 99) / p(floor, 99)));
    }

    private static long p(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }

    private static String load() {
        try {
            return "load average " + Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "load average unknown";
        }
    }

    private static UUID id(JsonNode node) {
        return UUID.fromString(node.get("id").asString());
    }

    private static Database database(PostgresServer.Database db) {
        return new Database(db.jdbcUrl(), db.username(), db.password());
    }

    /**
     * The collections of this JVM (services, broker and benchmark share it) while the samples run, from the
     * collectors' notifications: so that a slow sample can be set beside a pause. A collector whose name
     * says it works concurrently (ZGC's cycles) is counted apart: its time is not a pause. Times are whole
     * milliseconds (what the notifications carry); on JDK 17, G1's remark and cleanup pauses are not
     * notified, only its young, mixed and full collections.
     */
    private static final class GcPauses {

        private record Collection(String collector, String cause, long start, long duration) {

            boolean concurrent() {
                return collector.contains("Cycles") || collector.contains("Concurrent");
            }

            boolean overlaps(long from, long to) {
                return start <= to && start + duration >= from;
            }
        }

        private final List<Collection> collections = new CopyOnWriteArrayList<>();
        private final Map<NotificationEmitter, NotificationListener> listening = new HashMap<>();
        private final long started = SettlementProbe.micros(Instant.now());
        private long stopped;

        GcPauses() {
            long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                NotificationListener listener = (notification, handback) -> {
                    if (notification.getType()
                            .equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                                .from((CompositeData) notification.getUserData());
                        collections.add(new Collection(info.getGcName(), info.getGcCause(),
                                (jvmStart + info.getGcInfo().getStartTime()) * 1000,
                                info.getGcInfo().getDuration() * 1000));
                    }
                };
                NotificationEmitter emitter = (NotificationEmitter) collector;
                emitter.addNotificationListener(listener, null, null);
                listening.put(emitter, listener);
            }
        }

        void close() throws ListenerNotFoundException {
            stopped = SettlementProbe.micros(Instant.now());
            for (Map.Entry<NotificationEmitter, NotificationListener> l : listening.entrySet()) {
                l.getKey().removeNotificationListener(l.getValue());
            }
        }

        /** The pauses beside the samples: the slowest 1 % of trades, and how many of them a pause overlapped. */
        String report(long[][] spans) {
            List<Collection> pauses = collections.stream().filter(c -> !c.concurrent()).toList();
            long paused = pauses.stream().mapToLong(Collection::duration).sum();
            long[] durations = pauses.stream().mapToLong(Collection::duration).sorted().toArray();
            StringBuilder report = new StringBuilder("\nGarbage collection while the samples ran (")
                    .append(ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                            .toList())
                    .append(", ").append(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                            .filter(a -> a.startsWith("-XX") || a.startsWith("-Xm")).toList())
                    .append(", max heap ").append(Runtime.getRuntime().maxMemory() >> 20).append(" MB): ")
                    .append(pauses.size()).append(" pauses in ").append((stopped - started) / 1_000_000).append(" s, ")
                    .append(paused / 1000).append(" ms paused in all");
            if (durations.length > 0) {
                report.append(String.format(", median %.0f ms, max %.0f ms", durations[durations.length / 2] / 1000.0,
                        durations[durations.length - 1] / 1000.0));
            }
            long concurrent = collections.stream().filter(Collection::concurrent).count();
            if (concurrent > 0) {
                report.append("; ").append(concurrent).append(" concurrent cycles (not pauses)");
            }
            long[][] slowest = Arrays.stream(spans).sorted((a, b) -> Long.compare(b[1] - b[0], a[1] - a[0]))
                    .limit(Math.max(1, spans.length / 100)).toArray(long[][]::new);
            report.append(".\n\nThe slowest ").append(slowest.length)
                    .append(" trades (1 %) and the pauses within them (± 1 ms):\n\n")
                    .append("| trade ms | pauses within |\n|---|---|\n");
            int overlapped = 0;
            for (long[] span : slowest) {
                List<Collection> within = pauses.stream().filter(p -> p.overlaps(span[0] - 1000, span[1] + 1000))
                        .toList();
                overlapped += within.isEmpty() ? 0 : 1;
                report.append(String.format("| %.2f | %s |%n", (span[1] - span[0]) / 1000.0, within.isEmpty() ? "none"
                        : within.stream()
                                .map(p -> p.duration() / 1000 + " ms (" + p.collector() + ", " + p.cause() + ")")
                                .collect(Collectors.joining("; "))));
            }
            return report.append("\n").append(overlapped).append(" of the ").append(slowest.length)
                    .append(" slowest trades had a pause within them.\n").toString();
        }
    }

    /**
     * Two Kafka hops with the services' producer settings: ping → an echo consumer that produces the pong
     * → the pong consumed here.
     */
    private static final class KafkaRoundTrip implements AutoCloseable {

        private final String run = UUID.randomUUID().toString();
        private final String ping = "bench.ping." + run;
        private final String pong = "bench.pong." + run;
        private final KafkaProducer<String, String> producer;
        private final KafkaConsumer<String, String> answers;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread echo;

        KafkaRoundTrip(String bootstrap) {
            producer = producer(bootstrap);
            answers = consumer(bootstrap, pong);
            KafkaProducer<String, String> echoProducer = producer(bootstrap);
            KafkaConsumer<String, String> echoConsumer = consumer(bootstrap, ping);
            echo = new Thread(() -> {
                try (echoProducer; echoConsumer) {
                    while (running.get()) {
                        for (ConsumerRecord<String, String> r : echoConsumer.poll(Duration.ofMillis(100))) {
                            echoProducer.send(new ProducerRecord<>(pong, r.key(), r.value()));
                        }
                    }
                }
            }, "bench-echo");
            echo.start();
            // both topics exist and both consumers have their partitions before the first measured trip
            for (int i = 0; i < 5; i++) {
                micros();
            }
        }

        long micros() {
            String id = UUID.randomUUID().toString();
            long start = System.nanoTime();
            producer.send(new ProducerRecord<>(ping, "bench", id));
            long deadline = start + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : answers.poll(Duration.ofMillis(100))) {
                    if (r.value().equals(id)) {
                        return (System.nanoTime() - start) / 1000;
                    }
                }
            }
            throw new AssertionError("no Kafka round trip within " + PATIENCE);
        }

        private static KafkaProducer<String, String> producer(String bootstrap) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            return new KafkaProducer<>(p);
        }

        private static KafkaConsumer<String, String> consumer(String bootstrap, String topic) {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ConsumerConfig.GROUP_ID_CONFIG, topic);
            p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p);
            consumer.subscribe(List.of(topic));
            return consumer;
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            echo.join(5_000);
            answers.close();
            producer.close();
        }
    }
}
