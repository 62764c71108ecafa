package org.carbonsink.localstack.faults;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.carbonsink.contracts.EventHeaders;
import org.carbonsink.contracts.Topics;
import org.carbonsink.localstack.Lifecycle;
import org.carbonsink.localstack.Lifecycle.Cast;
import org.carbonsink.testsupport.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * The traffic and the checks of the fault harness ({@code scripts/faults}), against the processes
 * {@link FaultNode} starts. Subcommands:
 *
 * <ul>
 * <li>{@code seed}: participants, a project issued and listed, cash for the buyer (state file);</li>
 * <li>{@code traffic --pairs=N --transfers=M}: N sell orders of 1 t by the owner and N buy orders of 1 t
 * by the buyer at one price, and M registry transfers of 1 t, from the owner to the buyer and back
 * in turn, each sent until the service accepts it, with an {@code Idempotency-Key} so a retry after a lost answer
 * cannot run it twice;</li>
 * <li>{@code poison --count=N}: N unreadable records on every topic, then waits until every consumer
 * group has read past them;</li>
 * <li>{@code refuse-db --db=NAME --seconds=S}: the database refuses connections for S seconds;</li>
 * <li>{@code check --pairs=N --transfers=M --since-ms=T}: waits until nothing is in flight, then prints what the
 * scenario must show (no order lost or doubled, every trade SETTLED or FAILED, the registry's
 * deliveries equal to the settled trades, reconciliation clean) and the time to drain since T;
 * exits 1 when any of it fails.</li>
 * </ul>
 */
public final class FaultDriver {

    static final BigDecimal PRICE = new BigDecimal("80.00");
    /** Transfers move credits of another vintage than the one traded, so they never compete for the same credits. */
    static final int TRANSFER_VINTAGE = Lifecycle.VINTAGE - 1;
    /** How long a command may be answered "request in progress" before the harness calls it stuck. */
    static final Duration STUCK = Duration.ofSeconds(90);

    /** The local users (auth-server's seed, as Lifecycle logs them in): name and password. */
    private static final User OWNER = new User("owner", "owner-password");
    private static final User BUYER = new User("trader", "trader-password");
    private static final User ADMINISTRATOR = new User("admin", "admin-password");
    private static final User OPERATOR = new User("operator", "operator-password");

    private record User(String name, String password) {
    }

    private final Map<String, String> options;

    private FaultDriver(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: FaultDriver seed|traffic|poison|refuse-db|check --name=value ...");
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (!args[i].startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("options are --name=value: " + args[i]);
            }
            options.put(args[i].substring(2, eq), args[i].substring(eq + 1));
        }
        FaultDriver driver = new FaultDriver(options);
        boolean ok = switch (args[0]) {
            case "seed" -> driver.seed();
            case "traffic" -> driver.traffic();
            case "poison" -> driver.poison();
            case "refuse-db" -> driver.refuseDatabase();
            case "check" -> driver.check();
            default -> throw new IllegalArgumentException("unknown subcommand " + args[0]);
        };
        System.exit(ok ? 0 : 1);
    }

    // ---- seed

    private boolean seed() {
        Lifecycle lifecycle = lifecycle(System.out::println);
        Cast cast = lifecycle.registerParticipants();
        Lifecycle.Listed listed = lifecycle.listCredits(cast);
        lifecycle.deposit(cast.buyer(), option("cash", "200000.00"));
        Properties state = new Properties();
        state.setProperty("instrument", listed.instrumentId());
        state.setProperty("project", listed.projectId().toString());
        state.setProperty("owner", cast.owner().toString());
        state.setProperty("buyer", cast.buyer().toString());
        state.setProperty("buyerAccount", cast.buyerAccount().toString());
        state.setProperty("ownerAccount", cast.ownerAccount().toString());
        try (Writer out = Files.newBufferedWriter(Path.of(option("state")), StandardCharsets.UTF_8)) {
            state.store(out, "fault harness seed");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write(trafficEnd(), "0");
        write(progress(), "0");
        System.out.println("seeded: instrument " + listed.instrumentId());
        return true;
    }

    // ---- traffic

    private boolean traffic() throws InterruptedException {
        Properties state = state();
        ApiClient trading = new ApiClient(option("trading"));
        // a run at full scale outlives an access token: each command asks for a valid one
        RefreshingToken owner = login(OWNER);
        RefreshingToken buyer = login(BUYER);
        int pairs = Integer.parseInt(option("pairs"));
        String run = option("run", "run-" + System.currentTimeMillis());
        String instrument = state.getProperty("instrument");
        Instant deadline = Instant.now().plusSeconds(Long.parseLong(option("deadline-seconds", "1800")));
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicLong retries = new AtomicLong();
        Instant begin = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(Integer.parseInt(option("threads", "4")));
        for (int i = 0; i < pairs; i++) {
            int n = i;
            pool.submit(() -> {
                for (String side : List.of("SELL", "BUY")) {
                    RefreshingToken token = side.equals("SELL") ? owner : buyer;
                    Map<String, Object> order = Map.of("instrumentId", instrument, "side", side, "quantity", 1,
                            "limitPrice", PRICE);
                    int status = sendUntilAnswered(trading, token, run + "-" + side + "-" + n, "/orders", order,
                            deadline, retries);
                    if (status == 201) {
                        accepted.incrementAndGet();
                    } else {
                        refused.incrementAndGet();
                    }
                }
            });
        }
        int transfers = Integer.parseInt(option("transfers", "0"));
        ApiClient ledger = new ApiClient(option("registry"));
        RefreshingToken holder = login(BUYER);
        String ownerAccount = state.getProperty("ownerAccount");
        String buyerAccount = state.getProperty("buyerAccount");
        for (int i = 0; i < transfers; i += 2) {
            int n = i;
            // there and back: a run of any size fits the credits the seed issued
            pool.submit(() -> {
                int out = sendUntilAnswered(ledger, owner, run + "-TRANSFER-" + n, transfersPath(ownerAccount),
                        transfer(state, buyerAccount), deadline, retries);
                (out == 201 ? accepted : refused).incrementAndGet();
                if (n + 1 < transfers) {
                    int back = out != 201 ? out : sendUntilAnswered(ledger, holder, run + "-TRANSFER-" + (n + 1),
                            transfersPath(buyerAccount), transfer(state, ownerAccount), deadline, retries);
                    (back == 201 ? accepted : refused).incrementAndGet();
                }
            });
        }
        pool.shutdown();
        int waited = 0;
        while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
            // the scenario scripts inject their faults at points of this progress
            write(progress(), String.valueOf(accepted.get()));
            if (++waited % 10 == 0) {
                System.out.printf("traffic: %d accepted, %d refused, %d retries so far%n", accepted.get(),
                        refused.get(), retries.get());
            }
        }
        write(progress(), String.valueOf(accepted.get()));
        Instant end = Instant.now();
        System.out.printf("traffic: %d of %d orders and transfers accepted, %d refused, %d retries, in %.1f s%n",
                accepted.get(), 2 * pairs + transfers, refused.get(), retries.get(), seconds(begin, end));
        write(trafficEnd(), String.valueOf(end.toEpochMilli()));
        return refused.get() == 0;
    }

    private static String transfersPath(String fromAccount) {
        return "/accounts/" + fromAccount + "/transfers";
    }

    /** One credit of the project's {@link #TRANSFER_VINTAGE} to the account. */
    private static Map<String, Object> transfer(Properties state, String toAccount) {
        return Map.of("toAccountId", toAccount, "projectId", state.getProperty("project"), "vintage", TRANSFER_VINTAGE,
                "quantity", 1);
    }

    /** Sends the command until the service answers with something other than a failure to reach it. */
    private static int sendUntilAnswered(ApiClient service, RefreshingToken token, String key, String path,
            Map<String, Object> command, Instant deadline, AtomicLong retries) {
        ApiClient client = service.withIdempotencyKey(key);
        String last = "";
        Instant inProgressSince = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                ApiClient.Response response = token.send(client, c -> c.post(path, command));
                // 421: the instance does not own the book right now (its partitions are being reassigned,
                // e.g. while the broker is away); the harness has one instance, so it asks again
                if (response.status() < 500 && response.status() != 429 && response.status() != 409
                        && response.status() != 421) {
                    if (response.status() != 201) {
                        System.out.println(path + " refused: " + response);
                    }
                    return response.status();
                }
                last = response.toString();
                // a key answered "still running" long after any request could run: its first request died
                if (response.status() == 409) {
                    inProgressSince = inProgressSince == null ? Instant.now() : inProgressSince;
                    if (Instant.now().isAfter(inProgressSince.plus(STUCK))) {
                        System.out.println("STUCK: " + path + " with Idempotency-Key " + key
                                + " answered 409 for " + STUCK.toSeconds() + " s: " + response);
                        return 409;
                    }
                } else {
                    inProgressSince = null;
                }
            } catch (RuntimeException e) {
                last = e.toString();
                inProgressSince = null;
            }
            retries.incrementAndGet();
            sleep(200);
        }
        System.out.println(path + " not answered before the deadline: " + last);
        return -1;
    }

    // ---- poison

    private boolean poison() throws Exception {
        int count = Integer.parseInt(option("count", "100"));
        String bootstrap = "127.0.0.1:" + option("kafka-port");
        List<String> types = List.of("MonitoringReportVerified", "CreditHoldRequested", "TradeExecuted",
                "BankTransferReceived", "ParticipantRegistered", "CreditsIssued", "CreditsHeld", "CreditsDelivered",
                "CreditHoldRejected", "CreditDeliveryFailed", "ProjectRegistered", "CreditHoldReleaseRequested");
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all");
        int sent = 0;
        Map<String, Long> deadBefore = endOffsets(bootstrap, deadLetterTopics());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            for (String topic : Topics.ALL) {
                for (int i = 0; i < count; i++) {
                    // three kinds: no type header, a known type with a body that is no JSON, one with no eventId
                    ProducerRecord<String, String> record = switch (i % 3) {
                        case 0 -> new ProducerRecord<>(topic, "poison-" + i, "\u0000not an event");
                        case 1 -> new ProducerRecord<>(topic, "poison-" + i, "{\"eventId\": ");
                        default -> new ProducerRecord<>(topic, "poison-" + i, "{\"occurredAt\": \"2026-12-01T00:00:00Z\"}");
                    };
                    if (i % 3 != 0) {
                        record.headers().add(EventHeaders.EVENT_TYPE,
                                types.get(i % types.size()).getBytes(StandardCharsets.UTF_8));
                    }
                    producer.send(record);
                    sent++;
                }
            }
            producer.flush();
        }
        Instant sentAt = Instant.now();
        System.out.printf("poison: %d records sent (%d on each of %d topics)%n", sent, count, Topics.ALL.size());
        Instant deadline = sentAt.plusSeconds(Long.parseLong(option("timeout-seconds", "300")));
        long lag;
        do {
            lag = lag(bootstrap);
            if (lag == 0) {
                break;
            }
            sleep(500);
        } while (Instant.now().isBefore(deadline));
        Map<String, Long> deadAfter = endOffsets(bootstrap, deadLetterTopics());
        long deadLettered = deadAfter.entrySet().stream()
                .mapToLong(e -> e.getValue() - deadBefore.getOrDefault(e.getKey(), 0L)).sum();
        System.out.printf("poison: every consumer group read past them in %.1f s (lag %d); %d records dead-lettered,"
                + " the others ignored (a type the topic's consumers do not read, or no consumer)%n",
                seconds(sentAt, Instant.now()), lag, deadLettered);
        return lag == 0;
    }

    private static Set<String> deadLetterTopics() {
        return Topics.ALL.stream().map(t -> t + Topics.DEAD_LETTER_SUFFIX).collect(Collectors.toSet());
    }

    private static Map<String, Long> endOffsets(String bootstrap, Set<String> topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, description) ->
                    description.partitions().forEach(p -> latest.put(new TopicPartition(name, p.partition()),
                            OffsetSpec.latest())));
            Map<String, Long> ends = new TreeMap<>();
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
                    .forEach((tp, info) -> ends.merge(tp.topic(), info.offset(), Long::sum));
            return ends;
        }
    }

    /** What every consumer group still has to read of the topics it reads. */
    private static long lag(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            long lag = 0;
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().stream().filter(tp -> Topics.ALL.contains(tp.topic()))
                        .forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
                for (var end : ends.entrySet()) {
                    OffsetAndMetadata at = committed.get(end.getKey());
                    lag += end.getValue().offset() - (at == null ? 0 : at.offset());
                }
            }
            return lag;
        }
    }

    // ---- a database refusing connections

    private boolean refuseDatabase() throws SQLException {
        String database = option("db");
        long seconds = Long.parseLong(option("seconds", "120"));
        try (Connection c = postgres("postgres"); Statement s = c.createStatement()) {
            s.execute("alter database " + database + " with allow_connections false");
            s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
            System.out.printf("database %s refuses connections for %d s%n", database, seconds);
            sleep(seconds * 1000);
            s.execute("alter database " + database + " with allow_connections true");
            System.out.printf("database %s accepts connections again%n", database);
        }
        return true;
    }

    // ---- check

    private boolean check() throws Exception {
        Properties state = state();
        String instrument = state.getProperty("instrument");
        int pairs = Integer.parseInt(option("pairs"));
        // drained since the fault ended or the last order was accepted, whichever came later
        long faultEnded = Long.parseLong(option("since-ms", String.valueOf(System.currentTimeMillis())));
        long trafficEnded = Files.exists(trafficEnd()) ? Long.parseLong(Files.readString(trafficEnd()).trim()) : 0;
        Instant since = Instant.ofEpochMilli(Math.max(faultEnded, trafficEnded));
        Instant deadline = Instant.now().plusSeconds(Long.parseLong(option("timeout-seconds", "300")));
        List<String> failures = new ArrayList<>();

        Instant drained = null;
        Map<String, Long> orders;
        Map<String, Long> trades;
        try (Connection trading = postgres("trading")) {
            do {
                orders = counts(trading, "select side || ' ' || status, count(*) from exchange_order "
                        + "where instrument_id = '" + instrument + "' group by 1");
                trades = counts(trading, "select status, count(*) from trade where instrument_id = '" + instrument
                        + "' group by 1");
                boolean crossed = orders.getOrDefault("SELL OPEN", 0L) > 0 && orders.getOrDefault("BUY OPEN", 0L) > 0;
                if (!trades.containsKey("PENDING_DELIVERY") && !orders.containsKey("SELL PENDING_HOLD") && !crossed) {
                    drained = Instant.now();
                    break;
                }
                sleep(250);
            } while (Instant.now().isBefore(deadline));
        }
        if (drained == null) {
            failures.add("not drained within the timeout: orders " + orders + ", trades " + trades);
        }

        ApiClient registry = new ApiClient(option("registry"));
        ApiClient exchange = new ApiClient(option("trading"));
        RefreshingToken administrator = login(ADMINISTRATOR);
        RefreshingToken operator = login(OPERATOR);
        Reconciliation.Report report = Reconciliation.reconcile(
                () -> operator.send(exchange, c -> c.get("/admin/reconciliation/snapshot")).expect(200),
                () -> administrator.send(registry, c -> c.get("/admin/reconciliation/snapshot")).expect(200),
                Duration.ofSeconds(10), Duration.ofSeconds(Long.parseLong(option("reconcile-seconds", "120"))));
        report.differences().forEach(d -> failures.add("reconciliation: " + d));

        long sells = orders.entrySet().stream().filter(e -> e.getKey().startsWith("SELL")).mapToLong(Map.Entry::getValue).sum();
        long buys = orders.entrySet().stream().filter(e -> e.getKey().startsWith("BUY")).mapToLong(Map.Entry::getValue).sum();
        if (sells != pairs || buys != pairs) {
            failures.add("orders in the exchange: " + sells + " sell and " + buys + " buy, the driver placed "
                    + pairs + " of each (" + (sells + buys < 2L * pairs ? "lost" : "doubled") + ")");
        }
        long settled = trades.getOrDefault("SETTLED", 0L);
        long failed = trades.getOrDefault("FAILED", 0L);
        long delivered;
        long moved;
        long settledQuantity;
        BigDecimal paid;
        try (Connection trading = postgres("trading"); Connection ledger = postgres("registry")) {
            paid = single(trading, "select coalesce(sum(amount), 0) from trade where status = 'SETTLED' "
                    + "and instrument_id = '" + instrument + "'");
            settledQuantity = single(trading, "select coalesce(sum(quantity), 0) from trade "
                    + "where status = 'SETTLED' and instrument_id = '" + instrument + "'").longValueExact();
            moved = single(ledger, "select count(*) from transfer where project_id = '" + state.getProperty("project")
                    + "' and from_account_id in ('" + state.getProperty("ownerAccount") + "', '"
                    + state.getProperty("buyerAccount") + "') and vintage = " + TRANSFER_VINTAGE).longValueExact();
            delivered = single(ledger, "select coalesce(sum(d.quantity), 0) from delivery d join hold h on h.id = d.hold_id "
                    + "where h.instrument_id = '" + instrument + "'").longValueExact();
        }
        long transfers = Long.parseLong(option("transfers", "0"));
        if (moved != transfers) {
            failures.add("the registry recorded " + moved + " transfers, the driver made " + transfers + " ("
                    + (moved < transfers ? "lost" : "doubled") + ")");
        }
        if (delivered != settledQuantity) {
            failures.add("the registry delivered " + delivered + " t for the instrument, the exchange settled "
                    + settledQuantity + " t");
        }
        if (paid.compareTo(PRICE.multiply(BigDecimal.valueOf(settledQuantity))) != 0) {
            failures.add("settled trades moved " + paid + " CNY for " + settledQuantity + " t at " + PRICE);
        }

        System.out.println("---- results: instrument " + instrument);
        System.out.printf("orders placed by the driver: %d sell, %d buy; in the exchange: %d sell, %d buy%n", pairs,
                pairs, sells, buys);
        System.out.println("order states: " + orders);
        System.out.printf("transfers made by the driver: %d; in the registry: %d%n", transfers, moved);
        System.out.printf("trades: %d SETTLED, %d FAILED, %d awaiting delivery%n", settled, failed,
                trades.getOrDefault("PENDING_DELIVERY", 0L));
        System.out.printf("credits delivered by the registry: %d t; settled at the exchange: %d t for %s CNY%n",
                delivered, settledQuantity, paid);
        System.out.printf("reconciliation: %s after %d checks in %.1f s%n", report.clean() ? "clean"
                : report.differences().size() + " differences", report.checks(), report.took().toMillis() / 1000.0);
        if (drained != null) {
            System.out.printf("drained %.1f s after the fault ended and the last order was accepted%n",
                    seconds(since, drained));
        }
        failures.forEach(f -> System.out.println("FAILED: " + f));
        System.out.println(failures.isEmpty() ? "RESULT: PASS" : "RESULT: FAIL (" + failures.size() + ")");
        return failures.isEmpty();
    }

    private static Map<String, Long> counts(Connection c, String sql) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    private static BigDecimal single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }

    // ---- plumbing

    private Connection postgres(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + option("postgres-port") + "/" + database,
                "postgres", "");
    }

    private Path progress() {
        return Path.of(option("state") + ".progress");
    }

    private Path trafficEnd() {
        return Path.of(option("state") + ".traffic-end");
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RefreshingToken login(User user) {
        return RefreshingToken.login(option("auth"), user.name(), user.password());
    }

    private Lifecycle lifecycle(java.util.function.Consumer<String> out) {
        return new Lifecycle(new ApiClient(option("gateway")), option("auth"), out);
    }

    private Properties state() {
        Properties state = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(option("state")), StandardCharsets.UTF_8)) {
            state.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return state;
    }

    private String option(String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + "=... is needed");
        }
        return value;
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
