package org.carbonsink.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.carbonsink.contracts.CreditDeliveryFailed;
import org.carbonsink.contracts.CreditHoldReleaseRequested;
import org.carbonsink.contracts.CreditHoldRequested;
import org.carbonsink.contracts.CreditsDelivered;
import org.carbonsink.contracts.CreditsHeld;
import org.carbonsink.contracts.DeliveryStateReported;
import org.carbonsink.contracts.DeliveryStateRequested;
import org.carbonsink.contracts.HoldStateReported;
import org.carbonsink.contracts.HoldStateRequested;
import org.carbonsink.contracts.MonitoringReportVerified;
import org.carbonsink.contracts.Topics;
import org.carbonsink.contracts.TradeExecuted;
import org.carbonsink.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The registry answers the exchange's questions on holds and deliveries from its ledger, and the answer is
 * final; each answer and each delivery continues the trace of the record that caused it.
 */
class SagaStateIT extends RegistryIT {

    /** Long enough for the registry to have read anything sent before. */
    private static final Duration SETTLED = Duration.ofSeconds(3);

    @Autowired
    JdbcClient jdbc;

    @Test
    void reportsAHeldHoldWithItsQuantityAndARefusedOneWithItsReason() {
        Seller seller = sellerWith(200);
        UUID held = UUID.randomUUID();
        UUID refused = UUID.randomUUID();
        TestEvents.send(Topics.TRADING_ORDERS, seller.instrument(), holdRequest(seller, held, 120));
        TestEvents.send(Topics.TRADING_ORDERS, seller.instrument(), holdRequest(seller, refused, 500));
        TestEvents.send(Topics.TRADING_ORDERS, seller.instrument(), askHold(seller, held));
        TestEvents.send(Topics.TRADING_ORDERS, seller.instrument(), askHold(seller, refused));

        assertThat(TestEvents.await(Topics.REGISTRY_HOLDS, HoldStateReported.class, e -> e.holdId().equals(held),
                EVENTUALLY)).singleElement().satisfies(e -> {
                    assertThat(e.state()).isEqualTo(HoldStateReported.HELD);
                    assertThat(e.quantity()).isEqualTo(120);
                });
        assertThat(TestEvents.await(Topics.REGISTRY_HOLDS, HoldStateReported.class, e -> e.holdId().equals(refused),
                EVENTUALLY)).singleElement().satisfies(e -> {
                    assertThat(e.state()).isEqualTo(HoldStateReported.NOT_HELD);
                    assertThat(e.reason()).contains("60 available credits");
                });
    }

    @Test
    void aHoldAskedAboutBeforeItArrivedIsRefusedForGoodAndHoldsNothingLater() {
        Seller seller = sellerWith(200);
        UUID holdId = UUID.randomUUID();
        TestEvents.send(Topics.TRADING_ORDERS, seller.instrument(), askHold(seller, holdId));
        assertThat(TestEvents.await(Topics.REGISTRY_HOLDS, HoldStateReported.class, e -> e.holdId().equals(holdId),
                EVENTUALLY)).singleElement().satisfies(e -> assertThat(e.state()).isEqualTo(HoldStateReported.NOT_HELD));

        TestEvents.send(Topics.TRADING_ORDERS, seller.instrument(), holdRequest(seller, holdId, 50));

        assertThat(TestEvents.await(Topics.REGISTRY_HOLDS, CreditsHeld.class, e -> e.holdId().equals(holdId), SETTLED))
                .isEmpty();
        assertThat(holding(seller, "held")).isZero();
        assertThat(holding(seller, "available")).isEqualTo(180);
    }

    @Test
    void aHoldLetGoBeforeItArrivedIsRefusedForGoodAndHoldsNothingLater() {
        Seller seller = sellerWith(200);
        UUID holdId = UUID.randomUUID();
        // the exchange's order was cancelled while its hold request was held up
        TestEvents.send(Topics.TRADING_ORDERS, seller.instrument(), new CreditHoldReleaseRequested(UUID.randomUUID(),
                Instant.now(), holdId, seller.instrument(), 50));
        TestEvents.send(Topics.TRADING_ORDERS, seller.instrument(), holdRequest(seller, holdId, 50));
        TestEvents.send(Topics.TRADING_ORDERS, seller.instrument(), askHold(seller, holdId));

        assertThat(TestEvents.await(Topics.REGISTRY_HOLDS, HoldStateReported.class, e -> e.holdId().equals(holdId),
                EVENTUALLY)).singleElement().satisfies(e -> {
                    assertThat(e.state()).isEqualTo(HoldStateReported.NOT_HELD);
                    assertThat(e.reason()).contains("let go of this hold before");
                });
        assertThat(TestEvents.await(Topics.REGISTRY_HOLDS, CreditsHeld.class, e -> e.holdId().equals(holdId), SETTLED))
                .isEmpty();
        assertThat(holding(seller, "held")).isZero();
        assertThat(holding(seller, "available")).isEqualTo(180);
    }

    @Test
    void reportsADeliveredTradeAndARefusedOneWithItsCode() {
        Seller seller = sellerWith(200);
        UUID buyer = id(registerParticipant("Chengdu Buyer", "TRADER"));
        UUID holdId = UUID.randomUUID();
        TestEvents.send(Topics.TRADING_ORDERS, seller.instrument(), holdRequest(seller, holdId, 100));
        // hold requests and trades come on two topics, read by two consumers: the exchange trades only
        // after the hold is answered, and so does this test
        await().atMost(EVENTUALLY).until(() -> holding(seller, "held") == 100);
        UUID delivered = UUID.randomUUID();
        UUID tooLarge = UUID.randomUUID();
        TestEvents.send(Topics.TRADING_TRADES, seller.instrument(), trade(seller, delivered, holdId, buyer, 60));
        TestEvents.send(Topics.TRADING_TRADES, seller.instrument(), trade(seller, tooLarge, holdId, buyer, 41));
        TestEvents.send(Topics.TRADING_TRADES, seller.instrument(), askDelivery(seller, delivered));
        TestEvents.send(Topics.TRADING_TRADES, seller.instrument(), askDelivery(seller, tooLarge));

        assertThat(TestEvents.await(Topics.REGISTRY_HOLDS, DeliveryStateReported.class,
                e -> e.tradeId().equals(delivered), EVENTUALLY)).singleElement().satisfies(e -> {
                    assertThat(e.state()).isEqualTo(DeliveryStateReported.DELIVERED);
                    assertThat(e.buyerId()).isEqualTo(buyer);
                    assertThat(e.quantity()).isEqualTo(60);
                });
        assertThat(TestEvents.await(Topics.REGISTRY_HOLDS, DeliveryStateReported.class,
                e -> e.tradeId().equals(tooLarge), EVENTUALLY)).singleElement().satisfies(e -> {
                    assertThat(e.state()).isEqualTo(DeliveryStateReported.NOT_DELIVERED);
                    assertThat(e.code()).isEqualTo("DELIVERY_REFUSED_INSUFFICIENT_HOLD");
                });
        assertThat(TestEvents.await(Topics.REGISTRY_HOLDS, CreditDeliveryFailed.class,
                e -> e.tradeId().equals(tooLarge), EVENTUALLY)).singleElement()
                .satisfies(e -> assertThat(e.code()).isEqualTo("DELIVERY_REFUSED_INSUFFICIENT_HOLD"));
    }

    @Test
    void aTradeAskedAboutBeforeItArrivedIsRefusedForGoodAndDeliversNothingLater() {
        Seller seller = sellerWith(200);
        UUID buyer = id(registerParticipant("Lhasa Buyer", "TRADER"));
        UUID holdId = UUID.randomUUID();
        TestEvents.send(Topics.TRADING_ORDERS, seller.instrument(), holdRequest(seller, holdId, 100));
        await().atMost(EVENTUALLY).until(() -> holding(seller, "held") == 100);
        UUID tradeId = UUID.randomUUID();

        TestEvents.send(Topics.TRADING_TRADES, seller.instrument(), askDelivery(seller, tradeId));
        assertThat(TestEvents.await(Topics.REGISTRY_HOLDS, DeliveryStateReported.class,
                e -> e.tradeId().equals(tradeId), EVENTUALLY)).singleElement().satisfies(e -> {
                    assertThat(e.state()).isEqualTo(DeliveryStateReported.NOT_DELIVERED);
                    assertThat(e.code()).isEqualTo("TRADE_NOT_RECEIVED");
                });
        TestEvents.send(Topics.TRADING_TRADES, seller.instrument(), trade(seller, tradeId, holdId, buyer, 30));

        assertThat(TestEvents.await(Topics.REGISTRY_HOLDS, CreditsDelivered.class, e -> e.tradeId().equals(tradeId),
                SETTLED)).isEmpty();
        assertThat(holding(seller, "held")).isEqualTo(100);
    }

    @Test
    void aDeliveryAndTheAnswerToAnAskContinueTheTracesOfTheRecordsThatCausedThem() {
        Seller seller = sellerWith(200);
        UUID buyer = id(registerParticipant("Kunming Buyer", "TRADER"));
        UUID holdId = UUID.randomUUID();
        TestEvents.send(Topics.TRADING_ORDERS, seller.instrument(), holdRequest(seller, holdId, 100));
        // as above: held first, so that the trade is delivered
        await().atMost(EVENTUALLY).until(() -> holding(seller, "held") == 100);
        UUID tradeId = UUID.randomUUID();
        String tradeTrace = hex(16);
        String askTrace = hex(16);

        TestEvents.send(Topics.TRADING_TRADES, seller.instrument(), trade(seller, tradeId, holdId, buyer, 40),
                "00-" + tradeTrace + "-" + hex(8) + "-01");
        TestEvents.send(Topics.TRADING_TRADES, seller.instrument(), askDelivery(seller, tradeId),
                "00-" + askTrace + "-" + hex(8) + "-01");

        await().atMost(EVENTUALLY).until(() -> tracesOf("DeliveryStateReported", tradeId).size() == 1);
        assertThat(tracesOf("CreditsDelivered", tradeId)).as("the delivery, in the trade's trace")
                .containsExactly(tradeTrace);
        assertThat(tracesOf("DeliveryStateReported", tradeId)).as("the answer, in the ask's trace")
                .containsExactly(askTrace);
    }

    /** The trace ids stored with the outbox rows of the trade's events of {@code type} (the relay sends each in it). */
    private List<String> tracesOf(String type, UUID tradeId) {
        return jdbc.sql("""
                select coalesce(split_part(trace_parent, '-', 2), 'none') from outbox_event
                where event_type = :type and payload::jsonb ->> 'tradeId' = :id order by id
                """).param("type", type).param("id", tradeId.toString()).query(String.class).list();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private record Seller(UUID id, UUID accountId, UUID projectId, String instrument) {
    }

    /** A project owner with {@code verified} credits issued, 10% of them to the buffer pool. */
    private Seller sellerWith(long verified) {
        UUID owner = id(registerParticipant("Yunnan Forest Co.", "PROJECT_OWNER"));
        JsonNode project = registeredProject(owner);
        UUID projectId = id(project);
        TestEvents.send(Topics.VERIFICATION_REPORTS, projectId.toString(), new MonitoringReportVerified(
                UUID.randomUUID(), Instant.now(), UUID.randomUUID(), projectId, owner, UUID.randomUUID(),
                LocalDate.of(2022, 1, 1), LocalDate.of(2024, 12, 31), 2024, new BigDecimal(verified + ".0000"),
                verified, verified / 10));
        UUID account = UUID.fromString(api().as(owner).get("/participants/" + owner).expect(200).get("accountId")
                .asString());
        Seller seller = new Seller(owner, account, projectId, project.get("code").asString() + "-2024");
        await().atMost(EVENTUALLY).until(() -> holding(seller, "available") == verified - verified / 10);
        return seller;
    }

    private static CreditHoldRequested holdRequest(Seller seller, UUID holdId, long quantity) {
        return new CreditHoldRequested(UUID.randomUUID(), Instant.now(), holdId, seller.instrument(), seller.id(),
                seller.projectId(), 2024, quantity);
    }

    private static HoldStateRequested askHold(Seller seller, UUID holdId) {
        return new HoldStateRequested(UUID.randomUUID(), Instant.now(), holdId, seller.instrument());
    }

    private static TradeExecuted trade(Seller seller, UUID tradeId, UUID holdId, UUID buyer, long quantity) {
        return new TradeExecuted(UUID.randomUUID(), Instant.now(), tradeId, seller.instrument(), holdId, seller.id(),
                buyer, quantity, new BigDecimal("60.00"), "CNY");
    }

    private static DeliveryStateRequested askDelivery(Seller seller, UUID tradeId) {
        return new DeliveryStateRequested(UUID.randomUUID(), Instant.now(), tradeId, seller.instrument());
    }

    private long holding(Seller seller, String state) {
        long total = 0;
        for (JsonNode h : api().as(seller.id()).get("/accounts/" + seller.accountId()).expect(200).get("holdings")) {
            total += h.get(state).asLong();
        }
        return total;
    }
}
