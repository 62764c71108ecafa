package org.carbonsink.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.carbonsink.contracts.CreditDeliveryFailed;
import org.carbonsink.contracts.CreditHoldRejected;
import org.carbonsink.contracts.CreditHoldReleaseRequested;
import org.carbonsink.contracts.CreditHoldRequested;
import org.carbonsink.contracts.CreditsDelivered;
import org.carbonsink.contracts.CreditsHeld;
import org.carbonsink.contracts.SerialRange;
import org.carbonsink.contracts.Topics;
import org.carbonsink.contracts.TradeExecuted;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.TestEvents;
import org.carbonsink.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A seeded random sequence of orders, cancellations and amendments by a few participants, with the test
 * playing a registry that holds, releases and delivers credits (failing some deliveries for the buyer's
 * sake, and sending some of its events twice). When everything has settled, cash and credits are where
 * they should be: no cash created or lost, every reservation backed by an open order, and the
 * registry's holdings equal to what the exchange's settled trades moved.
 */
class ConservationIT extends TradingIntegration {

    private static final long SEED = 20261201L;
    private static final int STEPS = 160;
    private static final int PARTICIPANTS = 5;
    private static final BigDecimal DEPOSIT = new BigDecimal("3000.00");
    private static final long CREDITS = 150;

    @Autowired
    JdbcClient jdbc;

    @Test
    void cashAndCreditsAreConservedAcrossARandomTradingSequence() throws Exception {
        Listed instrument = listInstrument(PARTICIPANTS * CREDITS);
        List<UUID> people = new ArrayList<>();
        FakeRegistry registry = new FakeRegistry(instrument.instrumentId(), new Random(SEED + 1));
        for (int i = 0; i < PARTICIPANTS; i++) {
            UUID p = trader();
            people.add(p);
            deposit(p, DEPOSIT.toPlainString());
            registry.free.put(p, CREDITS);
        }
        Thread registryThread = new Thread(registry, "fake-registry");
        registryThread.setDaemon(true);
        registryThread.start();
        registry.ready.await();

        Random random = new Random(SEED);
        Map<UUID, List<String>> ordersOf = new HashMap<>();
        for (int step = 0; step < STEPS; step++) {
            UUID who = people.get(random.nextInt(PARTICIPANTS));
            ApiClient client = as(who);
            int kind = random.nextInt(100);
            ApiClient.Response response;
            if (kind < 60) {
                response = client.post("/orders", randomOrder(random, instrument.instrumentId()));
                if (response.status() == 201) {
                    ordersOf.computeIfAbsent(who, p -> new ArrayList<>()).add(response.json().get("id").asString());
                }
            } else {
                List<String> own = ordersOf.getOrDefault(who, List.of());
                if (own.isEmpty()) {
                    continue;
                }
                String order = own.get(random.nextInt(own.size()));
                response = kind < 80 ? client.post("/orders/" + order + "/cancellation", null)
                        : client.send("PATCH", "/orders/" + order, random.nextBoolean()
                                ? Map.of("quantity", 1 + random.nextInt(15))
                                : Map.of("limitPrice", price(random)));
            }
            assertThat(response.status()).as("step %d: %s", step, response.body()).isLessThan(500);
        }

        // everything settles: no hold awaited, no delivery outstanding, the registry idle
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> quiet(instrument)
                && registry.idleFor(Duration.ofSeconds(2)));
        registry.stop();
        registryThread.join(10_000);

        assertThat(registry.delivered.get()).as("deliveries made").isPositive();
        assertThat(registry.failed.get()).as("deliveries failed for the buyer").isPositive();
        BigDecimal balances = BigDecimal.ZERO;
        for (UUID p : people) {
            JsonNode cash = cashAccount(p);
            BigDecimal balance = money(cash.get("balance"));
            balances = balances.add(balance);
            // what the settled trades moved, and nothing else
            BigDecimal paid = settled("buyer_id", p, "amount");
            BigDecimal received = settled("seller_id", p, "amount");
            assertThat(balance).as("%s's balance", p).isEqualByComparingTo(DEPOSIT.subtract(paid).add(received));
            // every reserved fen is backed by an open buy order of the participant
            BigDecimal backing = jdbc.sql("select coalesce(sum(reserved_cash), 0) from exchange_order"
                    + " where participant_id = :p and status = 'OPEN' and side = 'BUY'").param("p", p)
                    .query(BigDecimal.class).single();
            assertThat(money(cash.get("reserved"))).as("%s's reserved cash", p).isEqualByComparingTo(backing);
            // the registry's view of the participant's credits equals what the exchange's settled trades moved
            long bought = settled("buyer_id", p, "quantity").longValueExact();
            long sold = settled("seller_id", p, "quantity").longValueExact();
            long heldForOpenSells = jdbc.sql("select coalesce(sum(quantity - filled_quantity), 0) from exchange_order"
                    + " where participant_id = :p and status = 'OPEN' and side = 'SELL'").param("p", p)
                    .query(Long.class).single();
            assertThat(registry.heldBy(p)).as("%s's credits on hold = its open sell orders", p)
                    .isEqualTo(heldForOpenSells);
            assertThat(registry.free.get(p) + registry.heldBy(p)).as("%s's credits", p)
                    .isEqualTo(CREDITS + bought - sold);
        }
        assertThat(balances).as("no cash created or lost")
                .isEqualByComparingTo(DEPOSIT.multiply(BigDecimal.valueOf(PARTICIPANTS)));
        assertThat(registry.free.values().stream().mapToLong(Long::longValue).sum()
                + registry.held.values().stream().mapToLong(Long::longValue).sum())
                .as("no credits created or lost").isEqualTo(CREDITS * PARTICIPANTS);
        assertThat(jdbc.sql("select count(*) from trade where instrument_id = :i and status = 'SETTLED'")
                .param("i", instrument.instrumentId()).query(Long.class).single()).isPositive();
    }

    private boolean quiet(Listed instrument) {
        long busy = jdbc.sql("""
                select (select count(*) from exchange_order where instrument_id = :i and status = 'PENDING_HOLD')
                     + (select count(*) from trade where instrument_id = :i and status = 'PENDING_DELIVERY')
                """).param("i", instrument.instrumentId()).query(Long.class).single();
        return busy == 0;
    }

    private BigDecimal settled(String column, UUID participant, String what) {
        return jdbc.sql("select coalesce(sum(" + what + "), 0) from trade where status = 'SETTLED' and " + column
                + " = :p").param("p", participant).query(BigDecimal.class).single();
    }

    private static Map<String, Object> randomOrder(Random random, String instrumentId) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("instrumentId", instrumentId);
        order.put("side", random.nextBoolean() ? "BUY" : "SELL");
        order.put("quantity", 1 + random.nextInt(15));
        if (random.nextInt(10) == 0) {
            order.put("type", "MARKET");
            order.put("timeInForce", random.nextBoolean() ? "IOC" : "FOK");
        } else {
            order.put("limitPrice", price(random));
            order.put("timeInForce", List.of("GTC", "GTC", "GTC", "DAY", "IOC", "FOK").get(random.nextInt(6)));
        }
        return order;
    }

    private static BigDecimal price(Random random) {
        return BigDecimal.valueOf(900 + random.nextInt(21) * 10, 2);
    }

    /**
     * The registry's side, for one instrument: free credits per participant and holds per sell order. It
     * answers the exchange's requests in the order it reads them, fails some deliveries for the buyer's
     * sake, and sends some answers twice, as a redelivery would.
     */
    static final class FakeRegistry implements Runnable {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        final String instrumentId;
        final Random random;
        final Map<UUID, Long> free = new ConcurrentHashMap<>();
        final Map<UUID, Long> held = new ConcurrentHashMap<>();
        final Map<UUID, UUID> holder = new ConcurrentHashMap<>();
        final AtomicLong delivered = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
        private volatile boolean running = true;
        private volatile long lastEventAt = System.nanoTime();

        FakeRegistry(String instrumentId, Random random) {
            this.instrumentId = instrumentId;
            this.random = random;
        }

        long heldBy(UUID participant) {
            return held.entrySet().stream().filter(e -> participant.equals(holder.get(e.getKey())))
                    .mapToLong(Map.Entry::getValue).sum();
        }

        boolean idleFor(Duration quiet) {
            return System.nanoTime() - lastEventAt > quiet.toNanos();
        }

        void stop() {
            running = false;
        }

        @Override
        public void run() {
            try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers",
                    TestInfrastructure.kafkaBootstrapServers(), "group.id", "fake-registry-" + UUID.randomUUID(),
                    "auto.offset.reset", "latest"), new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(Topics.TRADING_ORDERS, Topics.TRADING_TRADES));
                while (consumer.assignment().isEmpty()) {
                    consumer.poll(Duration.ofMillis(100));
                }
                consumer.seekToEnd(consumer.assignment());
                consumer.assignment().forEach(consumer::position);
                ready.countDown();
                while (running) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        if (instrumentId.equals(record.key())) {
                            lastEventAt = System.nanoTime();
                            apply(record);
                        }
                    }
                }
            }
        }

        private void apply(ConsumerRecord<String, String> record) {
            String type = new String(record.headers().lastHeader("event-type").value(), StandardCharsets.UTF_8);
            switch (type) {
                case "CreditHoldRequested" -> {
                    CreditHoldRequested e = JSON.readValue(record.value(), CreditHoldRequested.class);
                    if (free.getOrDefault(e.participantId(), 0L) >= e.quantity()) {
                        free.merge(e.participantId(), -e.quantity(), Long::sum);
                        held.put(e.holdId(), e.quantity());
                        holder.put(e.holdId(), e.participantId());
                        answer(new CreditsHeld(UUID.randomUUID(), Instant.now(), e.holdId(), instrumentId, e.quantity()));
                    } else {
                        answer(new CreditHoldRejected(UUID.randomUUID(), Instant.now(), e.holdId(), instrumentId,
                                "the account holds " + free.getOrDefault(e.participantId(), 0L) + " credits"));
                    }
                }
                case "CreditHoldReleaseRequested" -> {
                    CreditHoldReleaseRequested e = JSON.readValue(record.value(), CreditHoldReleaseRequested.class);
                    long released = Math.min(e.quantity(), held.getOrDefault(e.holdId(), 0L));
                    held.merge(e.holdId(), -released, Long::sum);
                    free.merge(holder.get(e.holdId()), released, Long::sum);
                }
                case "TradeExecuted" -> {
                    TradeExecuted e = JSON.readValue(record.value(), TradeExecuted.class);
                    if (random.nextInt(100) < 15) {
                        failed.incrementAndGet();
                        answer(new CreditDeliveryFailed(UUID.randomUUID(), Instant.now(), e.tradeId(), instrumentId,
                                "buyer " + e.buyerId() + " has no registry account", CreditDeliveryFailed.BUYER_NO_ACCOUNT));
                    } else {
                        held.merge(e.holdId(), -e.quantity(), Long::sum);
                        if (held.get(e.holdId()) < 0) {
                            throw new IllegalStateException("delivered more than held for " + e.holdId());
                        }
                        free.merge(e.buyerId(), e.quantity(), Long::sum);
                        delivered.incrementAndGet();
                        answer(new CreditsDelivered(UUID.randomUUID(), Instant.now(), e.tradeId(), instrumentId,
                                e.buyerId(), e.quantity(), List.of(new SerialRange(instrumentId, 1, e.quantity()))));
                    }
                }
                default -> {
                }
            }
        }

        private void answer(Record event) {
            TestEvents.send(Topics.REGISTRY_HOLDS, instrumentId, event);
            if (random.nextInt(100) < 20) {
                TestEvents.send(Topics.REGISTRY_HOLDS, instrumentId, event);
            }
        }
    }
}
