package org.carbonsink.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Block agreements (大宗协议) from proposal to settlement, with the test playing the registry. */
class BlockTradeIT extends TradingIntegration {

    UUID seller;
    UUID buyer;

    /** Block trades and auctions are for participants the registry registered in a trading role. */
    @BeforeEach
    void traders() {
        seller = trader();
        buyer = trader();
    }

    @Test
    void aBlockTradeAcceptedByTheBuyerSettlesDeliveryVersusPaymentOnceUnderRedeliveredEvents() {
        Listed instrument = blockMarket("50.00");
        deposit(buyer, "20000.00");

        JsonNode proposed = propose(instrument, 200, "60.00").expect(201);
        assertThat(proposed.get("status").asString()).isEqualTo("PENDING_HOLD");
        assertThat(money(proposed.get("referencePrice"))).isEqualByComparingTo("50.00");
        UUID blockId = id(proposed);
        CreditHoldRequested hold = holdRequestedFor(blockId);
        assertThat(hold.participantId()).isEqualTo(seller);
        assertThat(hold.quantity()).isEqualTo(200);
        assertThat(hold.projectId()).isEqualTo(instrument.projectId());
        var early = as(buyer).post("/block-trades/" + blockId + "/acceptance", null);
        assertThat(early.status()).as("accepted before the credits are held").isEqualTo(409);
        assertThat(early.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:block-trade-awaiting-hold");

        holdCredits(instrument, blockId, 200);
        assertThat(as(UUID.randomUUID()).post("/block-trades/" + blockId + "/acceptance", null).status())
                .as("accepted by someone else than the named buyer").isEqualTo(403);
        assertThat(as(UUID.randomUUID()).get("/block-trades/" + blockId).status()).isEqualTo(403);
        JsonNode accepted = as(buyer).post("/block-trades/" + blockId + "/acceptance", null).expect(200);

        assertThat(accepted.get("status").asString()).isEqualTo("EXECUTED");
        assertThat(accepted.get("tradeStatus").asString()).isEqualTo("PENDING_DELIVERY");
        UUID tradeId = UUID.fromString(accepted.get("tradeId").asString());
        assertCashOf(buyer, "20000.00", "12000.00");
        assertReservedCashBacked(buyer);
        TradeExecuted executed = TestEvents.await(Topics.TRADING_TRADES, TradeExecuted.class,
                e -> e.tradeId().equals(tradeId), PATIENCE).get(0);
        assertThat(executed.holdId()).as("delivered from the block trade's hold").isEqualTo(blockId);
        assertThat(executed.sellerId()).isEqualTo(seller);
        assertThat(executed.buyerId()).isEqualTo(buyer);
        assertThat(executed.quantity()).isEqualTo(200);
        assertThat(executed.price()).isEqualByComparingTo("60.00");

        CreditsDelivered delivered = new CreditsDelivered(UUID.randomUUID(), Instant.now(), tradeId,
                instrument.instrumentId(), buyer, 200, List.of(new SerialRange(instrument.instrumentId(), 1, 200)));
        TestEvents.send(Topics.REGISTRY_HOLDS, instrument.instrumentId(), delivered);
        TestEvents.send(Topics.REGISTRY_HOLDS, instrument.instrumentId(), delivered);
        TestEvents.send(Topics.REGISTRY_HOLDS, instrument.instrumentId(), new CreditsDelivered(UUID.randomUUID(),
                Instant.now(), tradeId, instrument.instrumentId(), buyer, 200, delivered.serials()));
        TestEvents.send(Topics.REGISTRY_HOLDS, instrument.instrumentId(), new CreditsHeld(UUID.randomUUID(),
                Instant.now(), blockId, instrument.instrumentId(), 200));
        // a later event on the same key: once it is applied, every copy before it was seen
        UUID marker = id(propose(instrument, 100, "50.00").expect(201));
        holdRequestedFor(marker);
        TestEvents.send(Topics.REGISTRY_HOLDS, instrument.instrumentId(), new CreditHoldRejected(UUID.randomUUID(),
                Instant.now(), marker, instrument.instrumentId(), "marker"));
        await().atMost(PATIENCE).until(() -> as(seller).get("/block-trades/" + marker).expect(200).get("status")
                .asString(), "HOLD_REJECTED"::equals);

        JsonNode trade = awaitTrade(tradeId, "SETTLED");
        assertThat(money(trade.get("amount"))).isEqualByComparingTo("12000.00");
        assertCashOf(buyer, "8000.00", "0.00");
        assertCashOf(seller, "12000.00", "0.00");
        assertReservedCashBacked(buyer, seller);
        assertThat(as(seller).get("/block-trades/" + blockId).expect(200).get("tradeStatus").asString())
                .isEqualTo("SETTLED");
        assertThat(as(seller).get("/block-trades/" + blockId).expect(200).get("status").asString())
                .as("a repeated hold confirmation changes nothing").isEqualTo("EXECUTED");
        assertThat(as(seller).get("/block-trades").expect(200).get("items").valueStream().map(b -> b.get("id")
                .asString())).contains(blockId.toString());

        JsonNode published = api().get("/market/block-trades?instrumentId=" + instrument.instrumentId()).expect(200);
        assertThat(published.get("total").asLong()).isEqualTo(1);
        JsonNode result = published.get("items").get(0);
        assertThat(result.get("quantity").asLong()).isEqualTo(200);
        assertThat(money(result.get("price"))).isEqualByComparingTo("60.00");
        assertThat(money(result.get("referencePrice"))).isEqualByComparingTo("50.00");
        assertThat(result.get("tradeStatus").asString()).isEqualTo("SETTLED");
        assertThat(published.toString()).as("the parties are not published").doesNotContain(seller.toString(),
                buyer.toString());
        assertThat(api().get("/market/instruments/" + instrument.instrumentId() + "/trades").expect(200).get("items")
                .get(0).get("venue").asString()).isEqualTo("BLOCK");
    }

    @Test
    void anAcceptedBlockTradeIsDeliveredInTheTraceOfTheAcceptance() {
        Listed instrument = blockMarket("50.00");
        deposit(buyer, "20000.00");
        UUID blockId = proposeAndHold(instrument, 100, "50.00");
        String traceId = newTraceId();

        UUID tradeId = UUID.fromString(as(buyer).withHeader("traceparent", traceparent(traceId))
                .post("/block-trades/" + blockId + "/acceptance", null).expect(200).get("tradeId").asString());

        assertThat(tracesOfEvents("TradeExecuted", "tradeId", tradeId)).containsExactly(traceId);
    }

    @Test
    void aFailedDeliveryReleasesTheBuyersCashAndGivesTheCreditsBack() {
        Listed instrument = blockMarket("50.00");
        deposit(buyer, "20000.00");
        UUID blockId = proposeAndHold(instrument, 300, "40.00");
        UUID tradeId = UUID.fromString(as(buyer).post("/block-trades/" + blockId + "/acceptance", null).expect(200)
                .get("tradeId").asString());
        assertCashOf(buyer, "20000.00", "12000.00");
        String published = "/market/block-trades?instrumentId=" + instrument.instrumentId();
        assertThat(api().get(published).expect(200).get("items").get(0).get("tradeStatus").asString())
                .as("published while it delivers").isEqualTo("PENDING_DELIVERY");

        TestEvents.send(Topics.REGISTRY_HOLDS, instrument.instrumentId(), new CreditDeliveryFailed(UUID.randomUUID(),
                Instant.now(), tradeId, instrument.instrumentId(), "the buyer has no registry account"));

        assertThat(awaitTrade(tradeId, "FAILED").get("failureCode").asString()).isEqualTo("DELIVERY_REFUSED");
        assertThat(as(buyer).get("/trades/" + tradeId).expect(200).get("failureReason").asString())
                .isEqualTo("the buyer has no registry account");
        assertCashOf(buyer, "20000.00", "0.00");
        assertThat(released(blockId)).isEqualTo(300);
        assertThat(as(seller).get("/cash-accounts/" + seller).status()).as("the seller was paid nothing")
                .isEqualTo(404);
        assertThat(as(buyer).get("/block-trades/" + blockId).expect(200).get("tradeStatus").asString())
                .isEqualTo("FAILED");
        // the public sees what traded, as in the trade list: a block trade whose delivery failed traded nothing
        JsonNode afterFailure = api().get(published).expect(200);
        assertThat(afterFailure.get("items")).isEmpty();
        assertThat(afterFailure.get("total").asLong()).isZero();
        assertThat(api().get("/market/block-trades").expect(200).get("items").valueStream()
                .map(b -> b.get("id").asString())).doesNotContain(blockId.toString());
    }

    @Test
    void aPriceOutsideTheBandAroundTheReferencePriceIsRefused() {
        Listed instrument = blockMarket("50.00");

        for (String price : new String[] {"65.01", "34.99"}) {
            var refused = propose(instrument, 200, price);
            assertThat(refused.status()).as(price).isEqualTo(422);
            assertThat(refused.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:outside-price-band");
            assertThat(money(refused.json().get("lower"))).isEqualByComparingTo("35.00");
            assertThat(money(refused.json().get("upper"))).isEqualByComparingTo("65.00");
            assertThat(refused.json().get("detail").asString()).contains("±30%");
        }
        assertThat(propose(instrument, 200, "65.00").status()).as("the band's ends are inside").isEqualTo(201);
        assertThat(propose(instrument, 200, "35.00").status()).isEqualTo(201);
        assertThat(as(seller).get("/block-trades").expect(200).get("total").asLong()).isEqualTo(2);
    }

    @Test
    void withoutAnOperatorReferenceTheBandIsAroundTheLastBookPrice() {
        Listed instrument = listInstrument(10_000);
        setRule(instrument.instrumentId(), 100, "0.30", null).expect(200);
        var noReference = propose(instrument, 200, "10.00");
        assertThat(noReference.status()).isEqualTo(422);
        assertThat(noReference.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:no-reference-price");
        JsonNode noBand = api().get("/block-trade-rules/" + instrument.instrumentId()).expect(200);
        assertThat(noBand.get("effectiveReferencePrice").isNull()).as(noBand.toString()).isTrue();
        assertThat(noBand.get("lower").isNull()).isTrue();

        UUID bookSeller = trader();
        sellWithCreditsHeld(bookSeller, instrument, 1, "20.00");
        UUID bookBuyer = trader();
        deposit(bookBuyer, "100.00");
        placeOrder(bookBuyer, instrument.instrumentId(), "BUY", 1, "20.00");

        assertThat(propose(instrument, 200, "26.01").json().get("type").asString())
                .isEqualTo("urn:carbonsink:problem:outside-price-band");
        assertThat(money(propose(instrument, 200, "26.00").expect(201).get("referencePrice")))
                .isEqualByComparingTo("20.00");
        // anyone reads the band before proposing, in the words of the outside-price-band refusal
        JsonNode rule = api().get("/block-trade-rules/" + instrument.instrumentId()).expect(200);
        assertThat(rule.get("referencePrice").isNull()).as("no operator reference, as before").isTrue();
        assertThat(money(rule.get("effectiveReferencePrice"))).isEqualByComparingTo("20.00");
        assertThat(rule.get("referenceSource").asString()).isEqualTo("LAST_BOOK_TRADE");
        assertThat(money(rule.get("lower"))).isEqualByComparingTo("14.00");
        assertThat(money(rule.get("upper"))).isEqualByComparingTo("26.00");
        JsonNode operatorRule = api().get("/block-trade-rules/" + blockMarket("50.00").instrumentId()).expect(200);
        assertThat(operatorRule.get("referenceSource").asString()).isEqualTo("OPERATOR");
        assertThat(money(operatorRule.get("lower"))).isEqualByComparingTo("35.00");
        assertThat(money(operatorRule.get("upper"))).isEqualByComparingTo("65.00");
    }

    @Test
    void aQuantityBelowTheBlockMinimumIsRefused() {
        Listed instrument = blockMarket("50.00");

        var refused = propose(instrument, 99, "50.00");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:below-block-minimum");
        assertThat(refused.json().get("minimumQuantity").asLong()).isEqualTo(100);
        assertThat(as(seller).get("/block-trades").expect(200).get("total").asLong()).isZero();

        assertThat(api().get("/block-trade-rules/P999999-1999").status()).isEqualTo(404);
        assertThat(api().get("/block-trade-rules/*").expect(200).get("band").decimalValue()).isEqualByComparingTo("0.30");
        Listed withDefaultRule = listInstrument(1000);
        JsonNode defaultRule = api().get("/block-trade-rules/" + withDefaultRule.instrumentId()).expect(200);
        assertThat(defaultRule.get("minimumQuantity").asLong()).as("domain.md: 100,000 t").isEqualTo(100_000);
        assertThat(propose(withDefaultRule, 1000, "50.00").json().get("minimumQuantity").asLong()).isEqualTo(100_000);
    }

    @Test
    void aProposalToABuyerThatCannotTradeIsRefusedNamingTheBuyerAndHoldsNothing() {
        Listed instrument = blockMarket("50.00");
        UUID unknown = UUID.randomUUID();
        UUID verifier = registered("VERIFIER");

        var toUnknown = as(seller).post("/block-trades", Map.of("buyerId", unknown, "instrumentId",
                instrument.instrumentId(), "quantity", 100, "price", new BigDecimal("50.00")));
        var toVerifier = as(seller).post("/block-trades", Map.of("buyerId", verifier, "instrumentId",
                instrument.instrumentId(), "quantity", 100, "price", new BigDecimal("50.00")));

        assertThat(toUnknown.status()).as(toUnknown.body()).isEqualTo(422);
        assertThat(toUnknown.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:unknown-participant");
        assertThat(toUnknown.json().get("field").asString()).isEqualTo("buyerId");
        assertThat(toVerifier.status()).as(toVerifier.body()).isEqualTo(422);
        assertThat(toVerifier.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:counterparty-not-trading");
        assertThat(toVerifier.json().get("field").asString()).isEqualTo("buyerId");
        // nothing proposed, so no credits held (the hold request is written with the proposal) for a buyer who
        // could never accept
        assertThat(as(seller).get("/block-trades").expect(200).get("total").asLong()).isZero();
    }

    @Test
    void aHaltedInstrumentTakesNoBlockTradeProposalNorAcceptanceUntilTradingResumes() {
        Listed instrument = blockMarket("50.00");
        deposit(buyer, "10000.00");
        String halt = "/instruments/" + instrument.instrumentId() + "/halt";
        String resume = "/instruments/" + instrument.instrumentId() + "/resume";
        operator().post(halt, null).expect(200);

        var refused = propose(instrument, 100, "50.00");
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:instrument-halted");
        assertThat(as(seller).get("/block-trades").expect(200).get("total").asLong()).isZero();

        operator().post(resume, null).expect(200);
        UUID blockId = proposeAndHold(instrument, 100, "50.00");
        operator().post(halt, null).expect(200);
        var notNow = as(buyer).post("/block-trades/" + blockId + "/acceptance", null);
        assertThat(notNow.status()).as(notNow.body()).isEqualTo(409);
        assertThat(notNow.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:instrument-halted");
        assertThat(as(buyer).get("/block-trades/" + blockId).expect(200).get("status").asString()).isEqualTo("PROPOSED");
        assertCashOf(buyer, "10000.00", "0.00");

        operator().post(resume, null).expect(200);
        assertThat(as(buyer).post("/block-trades/" + blockId + "/acceptance", null).expect(200).get("status")
                .asString()).isEqualTo("EXECUTED");
        assertCashOf(buyer, "10000.00", "5000.00");
    }

    @Test
    void aBuyerWithoutTheCashCannotAcceptAndMayDecline() {
        Listed instrument = blockMarket("50.00");
        deposit(buyer, "100.00");
        UUID blockId = proposeAndHold(instrument, 100, "50.00");

        var refused = as(buyer).post("/block-trades/" + blockId + "/acceptance", null);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:insufficient-cash");
        assertThat(money(refused.json().get("required"))).isEqualByComparingTo("5000.00");
        assertCashOf(buyer, "100.00", "0.00");
        assertThat(as(buyer).get("/block-trades/" + blockId).expect(200).get("status").asString()).isEqualTo("PROPOSED");

        assertThat(as(buyer).post("/block-trades/" + blockId + "/rejection", null).expect(200).get("status").asString())
                .isEqualTo("DECLINED");
        assertThat(released(blockId)).isEqualTo(100);
        assertThat(as(buyer).post("/block-trades/" + blockId + "/acceptance", null).json().get("type").asString())
                .isEqualTo("urn:carbonsink:problem:block-trade-closed");
    }

    @Test
    void aProposalCancelledBeforeItsHoldIsConfirmedAsksForTheCreditsBackAtOnce() {
        Listed instrument = blockMarket("50.00");
        UUID blockId = id(propose(instrument, 150, "50.00").expect(201));
        holdRequestedFor(blockId);
        assertThat(as(buyer).post("/block-trades/" + blockId + "/cancellation", null).status())
                .as("the buyer cannot cancel").isEqualTo(403);

        assertThat(as(seller).post("/block-trades/" + blockId + "/cancellation", null).expect(200).get("status")
                .asString()).isEqualTo("CANCELLED");
        assertThat(released(blockId)).as("asked back in the cancel's commit, before any answer on the hold")
                .isEqualTo(150);
        // the registry's confirmation, arriving later, changes nothing
        TestEvents.send(Topics.REGISTRY_HOLDS, instrument.instrumentId(), new CreditsHeld(UUID.randomUUID(),
                Instant.now(), blockId, instrument.instrumentId(), 150));

        assertThat(released(blockId)).isEqualTo(150);
        assertThat(as(seller).get("/block-trades/" + blockId).expect(200).get("status").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void aProposalWhoseCreditsTheRegistryWillNotHoldCannotBeAccepted() {
        Listed instrument = blockMarket("50.00");
        deposit(buyer, "10000.00");
        UUID blockId = id(propose(instrument, 100, "50.00").expect(201));
        holdRequestedFor(blockId);

        TestEvents.send(Topics.REGISTRY_HOLDS, instrument.instrumentId(), new CreditHoldRejected(UUID.randomUUID(),
                Instant.now(), blockId, instrument.instrumentId(), "the account holds 20 credits of this vintage"));

        await().atMost(PATIENCE).until(() -> as(seller).get("/block-trades/" + blockId).expect(200).get("status")
                .asString(), "HOLD_REJECTED"::equals);
        assertThat(as(buyer).get("/block-trades/" + blockId).expect(200).get("reason").asString())
                .isEqualTo("the account holds 20 credits of this vintage");
        assertThat(as(buyer).post("/block-trades/" + blockId + "/acceptance", null).json().get("type").asString())
                .isEqualTo("urn:carbonsink:problem:block-trade-closed");
        assertCashOf(buyer, "10000.00", "0.00");
    }

    @Test
    void aProposalNobodyAcceptsExpiresAndGivesTheCreditsBack() {
        Listed instrument = blockMarket("50.00");
        Map<String, Object> body = new HashMap<>(proposal(instrument, 100, "50.00"));
        body.put("expiresAt", Instant.now().plusSeconds(2).toString());
        var proposed = as(seller).withHeader("X-Forwarded-Prefix", "/api/trading").post("/block-trades", body);
        UUID blockId = id(proposed.expect(201));
        assertThat(proposed.header("Location")).as("behind the gateway").isEqualTo("/api/trading/block-trades/" + blockId);
        holdRequestedFor(blockId);
        TestEvents.send(Topics.REGISTRY_HOLDS, instrument.instrumentId(), new CreditsHeld(UUID.randomUUID(),
                Instant.now(), blockId, instrument.instrumentId(), 100));

        await().atMost(PATIENCE).until(() -> as(seller).get("/block-trades/" + blockId).expect(200).get("status")
                .asString(), "EXPIRED"::equals);
        assertThat(released(blockId)).isEqualTo(100);
        var past = new HashMap<>(body);
        past.put("expiresAt", Instant.now().minusSeconds(1).toString());
        var refused = as(seller).post("/block-trades", past);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("expiresAt");
    }

    /** A listed instrument whose block rule is: at least 100 credits, ±30% around the given reference price. */
    private Listed blockMarket(String referencePrice) {
        Listed instrument = listInstrument(100_000);
        setRule(instrument.instrumentId(), 100, "0.30", referencePrice).expect(200);
        return instrument;
    }

    ApiClient.Response setRule(String instrumentId, long minimumQuantity, String band, String referencePrice) {
        Map<String, Object> rule = new HashMap<>(Map.of("minimumQuantity", minimumQuantity, "band", new BigDecimal(band),
                "source", "test"));
        if (referencePrice != null) {
            rule.put("referencePrice", new BigDecimal(referencePrice));
        }
        return operator().put("/block-trade-rules/" + instrumentId, rule);
    }

    private Map<String, Object> proposal(Listed instrument, long quantity, String price) {
        return Map.of("buyerId", buyer, "instrumentId", instrument.instrumentId(), "quantity", quantity, "price",
                new BigDecimal(price));
    }

    private ApiClient.Response propose(Listed instrument, long quantity, String price) {
        return as(seller).post("/block-trades", proposal(instrument, quantity, price));
    }

    private UUID proposeAndHold(Listed instrument, long quantity, String price) {
        UUID blockId = id(propose(instrument, quantity, price).expect(201));
        holdRequestedFor(blockId);
        holdCredits(instrument, blockId, quantity);
        return blockId;
    }

    private void holdCredits(Listed instrument, UUID blockId, long quantity) {
        TestEvents.send(Topics.REGISTRY_HOLDS, instrument.instrumentId(), new CreditsHeld(UUID.randomUUID(),
                Instant.now(), blockId, instrument.instrumentId(), quantity));
        await().atMost(PATIENCE).until(() -> as(seller).get("/block-trades/" + blockId).expect(200).get("status")
                .asString(), "PROPOSED"::equals);
    }

    /** The quantity the exchange asked the registry to give back from the hold. */
    private long released(UUID holdId) {
        return TestEvents.await(Topics.TRADING_ORDERS, CreditHoldReleaseRequested.class, e -> e.holdId().equals(holdId),
                PATIENCE).stream().mapToLong(CreditHoldReleaseRequested::quantity).sum();
    }

    private static UUID id(JsonNode node) {
        return UUID.fromString(node.get("id").asString());
    }
}
