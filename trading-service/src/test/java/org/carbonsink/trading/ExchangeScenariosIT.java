package org.carbonsink.trading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carbonsink.contracts.CreditHoldReleaseRequested;
import org.carbonsink.contracts.CreditHoldRequested;
import org.carbonsink.contracts.CreditsHeld;
import org.carbonsink.contracts.Topics;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Classic exchange test scenarios driven through the public API: priority across levels with partial
 * fills, what a market sell does with the rest it cannot fill, fill-or-kill at the edges, amendments
 * and cancellations of orders that are no longer open, and requests the API must refuse naming the
 * field. Each checks the orders, the trades and the public market data the scenario leaves behind.
 */
class ExchangeScenariosIT extends TradingIntegration {

    @Test
    void aBuyTakesTheBestAskFirstAndTheEarliestWithinAPriceAndLeavesThePartlyFilledAskInThePublicDepth() {
        Listed instrument = listInstrument(1000);
        sellWithCreditsHeld(trader(), instrument, 5, "10.00");
        sellWithCreditsHeld(trader(), instrument, 5, "10.00");
        UUID seller = trader();
        UUID dearer = sellWithCreditsHeld(seller, instrument, 5, "10.50");
        sellWithCreditsHeld(trader(), instrument, 4, "10.50");
        UUID buyer = trader();
        deposit(buyer, "1000.00");

        JsonNode buy = placeOrder(buyer, instrument.instrumentId(), "BUY", 12, "10.50");

        assertThat(buy.get("status").asString()).isEqualTo("FILLED");
        assertThat(buy.get("filledQuantity").asLong()).isEqualTo(12);
        assertThat(buy.get("remainingQuantity").asLong()).isZero();
        assertThat(money(buy.get("reservedCash"))).as("nothing left to back").isEqualByComparingTo("0.00");
        // (5 × 10.00 + 5 × 10.00 + 2 × 10.50) / 12 = 10.08333…, half-up to 4 decimals
        assertThat(buy.get("averagePrice").decimalValue()).isEqualByComparingTo("10.0833");
        assertThat(as(buyer).get("/orders?status=FILLED").expect(200).get("items").get(0).get("averagePrice")
                .decimalValue()).as("the same in the list of orders").isEqualByComparingTo("10.0833");
        assertThat(trades(instrument.instrumentId())).extracting(t -> t.get("quantity").asLong() + "@"
                + money(t.get("price")).toPlainString()).containsExactlyInAnyOrder("5@10.00", "5@10.00", "2@10.50");
        // the earlier of the two asks at 10.50 gave the 2 credits
        JsonNode partly = as(seller).get("/orders/" + dearer).expect(200);
        assertThat(partly.get("status").asString()).isEqualTo("OPEN");
        assertThat(partly.get("filledQuantity").asLong()).isEqualTo(2);
        assertThat(partly.get("remainingQuantity").asLong()).isEqualTo(3);
        assertThat(partly.get("averagePrice").decimalValue()).isEqualByComparingTo("10.50");
        // the trades keep 5 × 10.00 + 5 × 10.00 + 2 × 10.50 for delivery; the 0.50 saved on 10 credits is free
        assertCash(buyer, "1000.00", "121.00");

        JsonNode depth = api().get("/market/instruments/" + instrument.instrumentId() + "/depth").expect(200);
        assertThat(depth.get("bids").isEmpty()).isTrue();
        assertThat(depth.get("asks").valueStream().map(l -> money(l.get("price")).toPlainString() + "×"
                + l.get("quantity").asLong() + "/" + l.get("orders").asInt()).toList())
                .as("one level holding both asks at 10.50, the partly filled one with what it has left")
                .containsExactly("10.50×7/2");
        List<JsonNode> market = api().get("/market/instruments/" + instrument.instrumentId() + "/trades").expect(200)
                .get("items").valueStream().toList();
        assertThat(market).hasSize(3).allSatisfy(t -> assertThat(t.get("venue").asString()).isEqualTo("BOOK"));
        assertThat(market.stream().mapToLong(t -> t.get("quantity").asLong()).sum()).isEqualTo(12);
    }

    @Test
    void aMarketSellSweepsTheBidsAndTheRegistryIsAskedToReleaseWhatItCouldNotSell() {
        Listed instrument = listInstrument(1000);
        UUID buyer = trader();
        deposit(buyer, "1000.00");
        placeOrder(buyer, instrument.instrumentId(), "BUY", 3, "10.00");
        placeOrder(buyer, instrument.instrumentId(), "BUY", 3, "9.00");
        UUID seller = trader();

        JsonNode placed = as(seller).post("/orders", Map.of("instrumentId", instrument.instrumentId(), "side", "SELL",
                "type", "MARKET", "quantity", 10)).expect(201);
        UUID sell = UUID.fromString(placed.get("id").asString());
        assertThat(placed.get("status").asString()).isEqualTo("PENDING_HOLD");
        hold(instrument, sell);

        JsonNode done = awaitOrder(seller, sell, "CANCELLED");
        assertThat(done.get("cancelReason").asString()).isEqualTo("MARKET_REMAINDER");
        assertThat(done.get("filledQuantity").asLong()).isEqualTo(6);
        assertThat(done.get("remainingQuantity").asLong()).as("a cancelled rest is no longer remaining").isZero();
        assertThat(done.get("limitPrice").isNull()).isTrue();
        assertThat(done.get("averagePrice").decimalValue()).as("(3 × 10.00 + 3 × 9.00) / 6")
                .isEqualByComparingTo("9.50");
        assertThat(trades(instrument.instrumentId())).extracting(t -> t.get("quantity").asLong() + "@"
                + money(t.get("price")).toPlainString()).containsExactlyInAnyOrder("3@10.00", "3@9.00");
        assertThat(TestEvents.await(Topics.TRADING_ORDERS, CreditHoldReleaseRequested.class,
                e -> e.holdId().equals(sell), PATIENCE)).as("the 4 credits nobody bought").singleElement()
                .satisfies(e -> assertThat(e.quantity()).isEqualTo(4));
        JsonNode depth = api().get("/market/instruments/" + instrument.instrumentId() + "/depth").expect(200);
        assertThat(depth.get("bids").isEmpty()).isTrue();
        assertThat(depth.get("asks").isEmpty()).as("a market order never rests").isTrue();
        assertCash(buyer, "1000.00", "57.00");
    }

    @Test
    void aFillOrKillForExactlyWhatTheBookHoldsFillsAcrossLevels() {
        Listed instrument = listInstrument(1000);
        sellWithCreditsHeld(trader(), instrument, 5, "10.00");
        sellWithCreditsHeld(trader(), instrument, 5, "11.00");
        sellWithCreditsHeld(trader(), instrument, 5, "12.00");
        UUID buyer = trader();
        deposit(buyer, "1000.00");

        JsonNode fok = as(buyer).post("/orders", Map.of("instrumentId", instrument.instrumentId(), "side", "BUY",
                "timeInForce", "FOK", "quantity", 10, "limitPrice", new BigDecimal("11.00"))).expect(201);

        assertThat(fok.get("status").asString()).isEqualTo("FILLED");
        assertThat(fok.get("filledQuantity").asLong()).isEqualTo(10);
        assertThat(trades(instrument.instrumentId())).hasSize(2);
        assertCash(buyer, "1000.00", "105.00");
        JsonNode depth = api().get("/market/instruments/" + instrument.instrumentId() + "/depth").expect(200);
        assertThat(depth.get("asks").valueStream().map(l -> money(l.get("price")).toPlainString()).toList())
                .containsExactly("12.00");
    }

    @Test
    void aFillOrKillThatNeedsItsOwnersAskIsKilledAndTouchesNothing() {
        Listed instrument = listInstrument(1000);
        UUID both = trader();
        UUID own = sellWithCreditsHeld(both, instrument, 5, "10.00");
        UUID other = trader();
        UUID others = sellWithCreditsHeld(other, instrument, 5, "10.00");
        deposit(both, "1000.00");

        JsonNode fok = as(both).post("/orders", Map.of("instrumentId", instrument.instrumentId(), "side", "BUY",
                "timeInForce", "FOK", "quantity", 10, "limitPrice", new BigDecimal("10.00"))).expect(201);

        assertThat(fok.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(fok.get("cancelReason").asString()).isEqualTo("FOK_UNFILLED");
        assertThat(fok.get("filledQuantity").asLong()).isZero();
        assertThat(fok.get("remainingQuantity").asLong()).isZero();
        assertThat(fok.get("averagePrice").isNull()).as("no fill, no average").isTrue();
        assertThat(trades(instrument.instrumentId())).isEmpty();
        assertThat(as(both).get("/orders/" + own).expect(200).get("status").asString())
                .as("a killed order cancels nobody's order, its owner's included").isEqualTo("OPEN");
        assertThat(as(other).get("/orders/" + others).expect(200).get("remainingQuantity").asLong()).isEqualTo(5);
        assertCash(both, "1000.00", "0.00");
    }

    @Test
    void anAmendToTheFilledQuantityOrBelowIsRefusedAndChangesNothing() {
        Listed instrument = listInstrument(1000);
        sellWithCreditsHeld(trader(), instrument, 4, "10.00");
        UUID buyer = trader();
        deposit(buyer, "1000.00");
        UUID bid = UUID.fromString(placeOrder(buyer, instrument.instrumentId(), "BUY", 10, "10.00").get("id")
                .asString());

        for (long quantity : new long[] { 4, 3 }) {
            var refused = as(buyer).send("PATCH", "/orders/" + bid, Map.of("quantity", quantity));
            assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            assertThat(refused.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:amend-below-filled");
            assertThat(refused.json().get("filledQuantity").asLong()).isEqualTo(4);
        }
        JsonNode order = as(buyer).get("/orders/" + bid).expect(200);
        assertThat(order.get("quantity").asLong()).isEqualTo(10);
        assertThat(order.get("remainingQuantity").asLong()).isEqualTo(6);
        assertCash(buyer, "1000.00", "100.00");

        JsonNode raised = as(buyer).send("PATCH", "/orders/" + bid, Map.of("quantity", 12)).expect(200);
        assertThat(raised.get("remainingQuantity").asLong()).isEqualTo(8);
        assertThat(money(raised.get("reservedCash"))).isEqualByComparingTo("80.00");

        JsonNode cancelled = as(buyer).post("/orders/" + bid + "/cancellation", null).expect(200);
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("filledQuantity").asLong()).as("what traded stays traded").isEqualTo(4);
        assertThat(cancelled.get("remainingQuantity").asLong()).isZero();
        assertThat(money(cancelled.get("reservedCash"))).isEqualByComparingTo("0.00");
        assertCash(buyer, "1000.00", "40.00");
    }

    @Test
    void raisingABidsQuantitySendsItBehindTheOtherBidsAtItsPrice() {
        Listed instrument = listInstrument(1000);
        UUID early = trader();
        UUID late = trader();
        deposit(early, "1000.00");
        deposit(late, "1000.00");
        UUID earlyBid = UUID.fromString(placeOrder(early, instrument.instrumentId(), "BUY", 5, "10.00").get("id")
                .asString());
        UUID lateBid = UUID.fromString(placeOrder(late, instrument.instrumentId(), "BUY", 5, "10.00").get("id")
                .asString());

        as(early).send("PATCH", "/orders/" + earlyBid, Map.of("quantity", 6)).expect(200);
        UUID seller = trader();
        UUID sell = UUID.fromString(placeOrder(seller, instrument.instrumentId(), "SELL", 5, "10.00").get("id")
                .asString());
        hold(instrument, sell);
        awaitOrder(seller, sell, "FILLED");

        assertThat(as(late).get("/orders/" + lateBid).expect(200).get("status").asString()).isEqualTo("FILLED");
        assertThat(as(early).get("/orders/" + earlyBid).expect(200).get("remainingQuantity").asLong()).isEqualTo(6);
    }

    @Test
    void cancellingAFilledOrAlreadyCancelledOrderIsAClearConflict() {
        Listed instrument = listInstrument(1000);
        Matched matched = tenAtThirty(instrument);
        UUID buyer = trader();
        deposit(buyer, "1000.00");
        UUID bid = UUID.fromString(placeOrder(buyer, instrument.instrumentId(), "BUY", 1, "10.00").get("id")
                .asString());
        as(buyer).post("/orders/" + bid + "/cancellation", null).expect(200);

        assertClosed(as(matched.seller()).post("/orders/" + matched.sellOrder() + "/cancellation", null), "FILLED");
        assertClosed(as(buyer).post("/orders/" + bid + "/cancellation", null), "CANCELLED");
        assertClosed(as(buyer).send("PATCH", "/orders/" + bid, Map.of("quantity", 2)), "CANCELLED");
        assertCash(buyer, "1000.00", "0.00");
    }

    @Test
    void aFractionalHugeOrNegativeQuantityOrAMalformedPriceIsRefusedNamingTheField() {
        Listed instrument = listInstrument(1000);
        UUID buyer = trader();
        deposit(buyer, "1000.00");
        String id = instrument.instrumentId();

        Map<String, String> malformed = new LinkedHashMap<>();
        malformed.put("\"quantity\":1.5,\"limitPrice\":10.00", "quantity");
        malformed.put("\"quantity\":99999999999999999999999,\"limitPrice\":10.00", "quantity");
        malformed.put("\"quantity\":-3,\"limitPrice\":10.00", "quantity");
        malformed.put("\"limitPrice\":10.00", "quantity");
        malformed.put("\"quantity\":1,\"limitPrice\":\"ten\"", "limitPrice");
        malformed.put("\"quantity\":1,\"limitPrice\":10.005", "limitPrice");
        malformed.put("\"quantity\":1,\"limitPrice\":-10.00", "limitPrice");
        malformed.put("\"quantity\":1,\"limitPrice\":1e400", "limitPrice");
        malformed.forEach((fields, field) -> assertInvalid(as(buyer).post("/orders",
                "{\"instrumentId\":\"" + id + "\",\"side\":\"BUY\"," + fields + "}"), field));
        UUID bid = UUID.fromString(placeOrder(buyer, id, "BUY", 2, "10.00").get("id").asString());
        assertInvalid(as(buyer).send("PATCH", "/orders/" + bid, "{\"quantity\":2.5}"), "quantity");

        assertThat(as(buyer).get("/orders/" + bid).expect(200).get("quantity").asLong()).isEqualTo(2);
        assertCash(buyer, "1000.00", "20.00");
    }

    private void hold(Listed instrument, UUID sellOrder) {
        CreditHoldRequested request = holdRequestedFor(sellOrder);
        TestEvents.send(Topics.REGISTRY_HOLDS, instrument.instrumentId(), new CreditsHeld(UUID.randomUUID(),
                Instant.now(), request.holdId(), request.instrumentId(), request.quantity()));
    }

    private static void assertClosed(ApiClient.Response response, String status) {
        assertThat(response.status()).as(response.body()).isEqualTo(409);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:order-closed");
        assertThat(response.json().get("detail").asString()).contains(status);
    }

    private static void assertInvalid(ApiClient.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .as(response.body()).contains(field);
    }
}
