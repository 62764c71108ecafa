package org.carbonsink.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.carbonsink.contracts.CreditHoldReleaseRequested;
import org.carbonsink.contracts.CreditsHeld;
import org.carbonsink.contracts.DeliveryStateReported;
import org.carbonsink.contracts.DeliveryStateRequested;
import org.carbonsink.contracts.HoldStateReported;
import org.carbonsink.contracts.HoldStateRequested;
import org.carbonsink.contracts.Topics;
import org.carbonsink.testsupport.TestEvents;
import org.carbonsink.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A sell order waiting for its hold and a trade waiting for its delivery have deadlines (shortened
 * here); past one, the exchange asks the registry (played by the test) and completes or compensates
 * on its answer, asking again while none comes.
 */
@TestPropertySource(properties = { "carbonsink.trading.saga.hold=PT1S", "carbonsink.trading.saga.delivery=PT1S",
        "carbonsink.trading.saga.max-backoff=PT2S", "carbonsink.trading.saga.check-interval=PT0.2S" })
class SagaSupervisionIT extends TradingIntegration {

    @Test
    void asksForAHoldPastItsDeadlineAndOpensTheOrderWhenTheRegistryHeldIt() {
        Listed instrument = listInstrument(100);
        UUID seller = trader();
        UUID orderId = pendingSell(seller, instrument, 10);

        HoldStateRequested asked = first(TestEvents.await(Topics.TRADING_ORDERS, HoldStateRequested.class,
                e -> e.holdId().equals(orderId), PATIENCE));
        assertThat(asked.instrumentId()).isEqualTo(instrument.instrumentId());
        TestEvents.send(Topics.REGISTRY_HOLDS, instrument.instrumentId(), new HoldStateReported(UUID.randomUUID(),
                Instant.now(), orderId, instrument.instrumentId(), HoldStateReported.HELD, 10, null));

        JsonNode open = awaitOrder(seller, orderId, "OPEN");
        assertThat(open.get("remainingQuantity").asLong()).isEqualTo(10);
        assertThat(api().get("/instruments/" + instrument.instrumentId() + "/book").expect(200).get("asks").size())
                .isEqualTo(1);
    }

    @Test
    void rejectsTheOrderWhenTheRegistryNeverHeldIt() {
        Listed instrument = listInstrument(100);
        UUID seller = trader();
        UUID orderId = pendingSell(seller, instrument, 10);
        TestEvents.await(Topics.TRADING_ORDERS, HoldStateRequested.class, e -> e.holdId().equals(orderId), PATIENCE);

        TestEvents.send(Topics.REGISTRY_HOLDS, instrument.instrumentId(), new HoldStateReported(UUID.randomUUID(),
                Instant.now(), orderId, instrument.instrumentId(), HoldStateReported.NOT_HELD, 0,
                "the registry had not received this hold when the exchange asked for it"));

        assertThat(awaitOrder(seller, orderId, "REJECTED").get("rejectionReason").asString())
                .contains("had not received this hold");
    }

    @Test
    void asksAgainWhileNoAnswerComes() {
        Listed instrument = listInstrument(100);
        UUID orderId = pendingSell(trader(), instrument, 10);

        await().atMost(PATIENCE).until(() -> all(Topics.TRADING_ORDERS, HoldStateRequested.class,
                e -> e.holdId().equals(orderId)).size() >= 3);
    }

    @Test
    void settlesATradePastItsDeadlineThatTheRegistryDelivered() {
        Listed instrument = listInstrument(100);
        Matched matched = tenAtThirty(instrument);

        first(TestEvents.await(Topics.TRADING_TRADES, DeliveryStateRequested.class,
                e -> e.tradeId().equals(matched.tradeId()), PATIENCE));
        TestEvents.send(Topics.REGISTRY_HOLDS, instrument.instrumentId(), new DeliveryStateReported(UUID.randomUUID(),
                Instant.now(), matched.tradeId(), instrument.instrumentId(), DeliveryStateReported.DELIVERED,
                matched.buyer(), 10, null, null));

        awaitTrade(matched.tradeId(), "SETTLED");
        assertCash(matched.buyer(), "700.00", "0.00");
        assertCash(matched.seller(), "300.00", "0.00");
    }

    @Test
    void failsATradeTheRegistryWillNeverDeliverAndReleasesItsHold() {
        Listed instrument = listInstrument(100);
        Matched matched = tenAtThirty(instrument);
        TestEvents.await(Topics.TRADING_TRADES, DeliveryStateRequested.class,
                e -> e.tradeId().equals(matched.tradeId()), PATIENCE);

        TestEvents.send(Topics.REGISTRY_HOLDS, instrument.instrumentId(), new DeliveryStateReported(UUID.randomUUID(),
                Instant.now(), matched.tradeId(), instrument.instrumentId(), DeliveryStateReported.NOT_DELIVERED, null,
                0, "TRADE_NOT_RECEIVED", "the registry had not received trade " + matched.tradeId()));

        assertThat(awaitTrade(matched.tradeId(), "FAILED").get("failureCode").asString())
                .isEqualTo("SETTLEMENT_DEADLINE");
        assertCash(matched.buyer(), "1000.00", "0.00");
        assertThat(TestEvents.await(Topics.TRADING_ORDERS, CreditHoldReleaseRequested.class,
                e -> e.holdId().equals(matched.sellOrder()), PATIENCE)).singleElement()
                .satisfies(e -> assertThat(e.quantity()).isEqualTo(10));
    }

    @Test
    void asksForABlockTradesHoldPastItsDeadlineAndProposesItWhenTheRegistryHeldIt() {
        Listed instrument = blockMarket();
        UUID seller = trader();
        UUID blockId = pendingBlockTrade(instrument, seller, trader(), 200);

        first(TestEvents.await(Topics.TRADING_ORDERS, HoldStateRequested.class, e -> e.holdId().equals(blockId),
                PATIENCE));
        TestEvents.send(Topics.REGISTRY_HOLDS, instrument.instrumentId(), new HoldStateReported(UUID.randomUUID(),
                Instant.now(), blockId, instrument.instrumentId(), HoldStateReported.HELD, 200, null));

        await().atMost(PATIENCE).until(() -> as(seller).get("/block-trades/" + blockId).expect(200).get("status")
                .asString(), "PROPOSED"::equals);
    }

    @Test
    void rejectsAnAuctionWhoseHoldTheRegistryNeverMade() {
        Listed instrument = listInstrument(100);
        UUID auctionId = UUID.fromString(as(trader()).post("/auctions", Map.of("instrumentId",
                instrument.instrumentId(), "quantity", 50, "floorPrice", new BigDecimal("20.00"), "endsAt",
                Instant.now().plus(Duration.ofHours(1)).toString())).expect(201).get("id").asString());
        holdRequestedFor(auctionId);

        first(TestEvents.await(Topics.TRADING_ORDERS, HoldStateRequested.class, e -> e.holdId().equals(auctionId),
                PATIENCE));
        TestEvents.send(Topics.REGISTRY_HOLDS, instrument.instrumentId(), new HoldStateReported(UUID.randomUUID(),
                Instant.now(), auctionId, instrument.instrumentId(), HoldStateReported.NOT_HELD, 0,
                "the registry had not received this hold when the exchange asked for it"));

        await().atMost(PATIENCE).until(() -> operator().get("/auctions/" + auctionId).expect(200).get("status")
                .asString(), "HOLD_REJECTED"::equals);
        assertThat(operator().get("/auctions/" + auctionId).expect(200).get("reason").asString())
                .contains("had not received this hold");
    }

    @Test
    void settlesABlockTradePastItsDeliveryDeadlineThatTheRegistryDelivered() {
        Listed instrument = blockMarket();
        UUID seller = trader();
        UUID buyer = trader();
        deposit(buyer, "20000.00");
        UUID blockId = pendingBlockTrade(instrument, seller, buyer, 200);
        TestEvents.send(Topics.REGISTRY_HOLDS, instrument.instrumentId(), new CreditsHeld(UUID.randomUUID(),
                Instant.now(), blockId, instrument.instrumentId(), 200));
        await().atMost(PATIENCE).until(() -> as(seller).get("/block-trades/" + blockId).expect(200).get("status")
                .asString(), "PROPOSED"::equals);
        UUID tradeId = UUID.fromString(as(buyer).post("/block-trades/" + blockId + "/acceptance", null).expect(200)
                .get("tradeId").asString());

        first(TestEvents.await(Topics.TRADING_TRADES, DeliveryStateRequested.class, e -> e.tradeId().equals(tradeId),
                PATIENCE));
        TestEvents.send(Topics.REGISTRY_HOLDS, instrument.instrumentId(), new DeliveryStateReported(UUID.randomUUID(),
                Instant.now(), tradeId, instrument.instrumentId(), DeliveryStateReported.DELIVERED, buyer, 200, null,
                null));

        awaitTrade(tradeId, "SETTLED");
        assertCash(buyer, "8000.00", "0.00");
        assertCash(seller, "12000.00", "0.00");
    }

    /** A listed instrument whose block rule is: at least 100 credits, ±30% around 50.00. */
    private Listed blockMarket() {
        Listed instrument = listInstrument(1_000);
        operator().put("/block-trade-rules/" + instrument.instrumentId(), Map.of("minimumQuantity", 100, "band",
                new BigDecimal("0.30"), "referencePrice", new BigDecimal("50.00"), "source", "test")).expect(200);
        return instrument;
    }

    /** A block trade at 60.00 whose hold the registry (the test) has not answered. */
    private UUID pendingBlockTrade(Listed instrument, UUID seller, UUID buyer, long quantity) {
        UUID blockId = UUID.fromString(as(seller).post("/block-trades", Map.of("buyerId", buyer, "instrumentId",
                instrument.instrumentId(), "quantity", quantity, "price", new BigDecimal("60.00"))).expect(201)
                .get("id").asString());
        holdRequestedFor(blockId);
        return blockId;
    }

    /** A sell order whose hold the registry (the test) never answers. */
    private UUID pendingSell(UUID seller, Listed instrument, long quantity) {
        UUID orderId = UUID.fromString(placeOrder(seller, instrument.instrumentId(), "SELL", quantity, "30.00")
                .get("id").asString());
        holdRequestedFor(orderId);
        return orderId;
    }

    /** The first of the asks found (more may have followed while the test read them). */
    private static <E> E first(List<E> found) {
        assertThat(found).isNotEmpty();
        return found.get(0);
    }

    /** Every event of the type on the topic that matches, read from the beginning until the topic is quiet. */
    private static <E extends Record> List<E> all(String topic, Class<E> type, Predicate<E> match) {
        JsonMapper json = JsonMapper.builder().build();
        List<E> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers",
                TestInfrastructure.kafkaBootstrapServers(), "group.id", "saga-it-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            int quiet = 0;
            boolean read = false;
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (quiet < 3 && System.nanoTime() < deadline) {
                var records = consumer.poll(Duration.ofMillis(300));
                read |= !records.isEmpty();
                quiet = read && records.isEmpty() ? quiet + 1 : read ? 0 : quiet;
                for (ConsumerRecord<String, String> r : records) {
                    var header = r.headers().lastHeader("event-type");
                    if (header != null && new String(header.value()).equals(type.getSimpleName())) {
                        E event = json.readValue(r.value(), type);
                        if (match.test(event)) {
                            found.add(event);
                        }
                    }
                }
            }
        }
        return found;
    }
}
