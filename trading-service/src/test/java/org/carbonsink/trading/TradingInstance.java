package org.carbonsink.trading;

import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.carbonsink.contracts.CreditsIssued;
import org.carbonsink.contracts.ParticipantRegistered;
import org.carbonsink.contracts.SerialRange;
import org.carbonsink.contracts.Topics;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.TestEvents;
import org.carbonsink.testsupport.TestInfrastructure;
import org.carbonsink.trading.order.Exchange;
import org.carbonsink.trading.participant.Participants;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A trading service started and stopped by a test, beside the shared test context: for restarts and
 * for several instances on one database. Each run names its own database and consumer group, so it
 * shares nothing with the other tests but the broker (events about holds it never asked for it skips).
 */
final class TradingInstance implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    private final ConfigurableApplicationContext context;

    private TradingInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** A database for one or more instances, fresh: the infrastructure properties that point at it. */
    static Map<String, Object> database(String purpose) {
        return new LinkedHashMap<>(TestInfrastructure.springProperties(purpose));
    }

    static TradingInstance start(Map<String, Object> database, String group, Clock clock) {
        SpringApplication application = TradingApplication.application();
        if (clock != null) {
            application.addInitializers(context -> context.getBeanFactory().registerSingleton("clock", clock));
        }
        List<String> args = new ArrayList<>();
        Map<String, Object> properties = new LinkedHashMap<>(database);
        properties.put("server.port", "0");
        properties.put("spring.kafka.consumer.group-id", group);
        properties.put("carbonsink.trading.expiry-check", "200ms");
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        return new TradingInstance(application.run(args.toArray(String[]::new)));
    }

    ApiClient api() {
        return new ApiClient("http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
    }

    ApiClient as(UUID participant, String... roles) {
        return api().as(participant, roles);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    /**
     * Pays cash into the participant's account: itself where self-serve deposits are open, else as the
     * exchange operator.
     */
    void deposit(UUID participant, String amount) {
        Map<String, Object> body = Map.of("amount", new java.math.BigDecimal(amount));
        ApiClient.Response self = as(participant).post("/cash-accounts/" + participant + "/deposits", body);
        if (self.status() == 403) {
            as(UUID.randomUUID(), "EXCHANGE_OPERATOR").post("/cash-accounts/" + participant + "/deposits", body)
                    .expect(201);
        } else {
            self.expect(201);
        }
    }

    boolean owns(String instrumentId) {
        return context.isActive() && context.getBean(Exchange.class).owns(instrumentId);
    }

    JdbcClient jdbc() {
        return context.getBean(JdbcClient.class);
    }

    /** Waits until this instance has listed the instrument and knows the participants. */
    TradingInstance knows(String instrumentId, List<UUID> participants) {
        await().atMost(PATIENCE).until(() -> api().get("/instruments/" + instrumentId).status() == 200);
        Participants readModel = context.getBean(Participants.class);
        await().atMost(PATIENCE).until(() -> participants.stream().allMatch(p -> readModel.roleOf(p).isPresent()));
        return this;
    }

    @Override
    public void close() {
        context.close();
    }

    /** The registry issues credits of a new project: every exchange on the broker lists its instrument. */
    static String listInstrument() {
        String projectCode = "R" + (100_000 + Math.floorMod(UUID.randomUUID().hashCode(), 900_000));
        UUID projectId = UUID.randomUUID();
        TestEvents.send(Topics.REGISTRY_CREDITS, projectId.toString(), new CreditsIssued(UUID.randomUUID(),
                Instant.now(), UUID.randomUUID(), UUID.randomUUID(), projectId, projectCode, 2025, UUID.randomUUID(),
                100_000, 0, new SerialRange(projectCode + "-2025", 1, 100_000), null));
        return projectCode + "-2025";
    }

    static List<UUID> traders(int count) {
        List<UUID> traders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID trader = UUID.randomUUID();
            TestEvents.send(Topics.REGISTRY_PARTICIPANTS, trader.toString(), new ParticipantRegistered(UUID.randomUUID(),
                    Instant.now(), trader, "trader " + i, "TRADER"));
            traders.add(trader);
        }
        return traders;
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {

        private final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void set(Instant instant) {
            now.set(instant);
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
