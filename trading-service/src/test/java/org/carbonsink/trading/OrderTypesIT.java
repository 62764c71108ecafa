package org.carbonsink.trading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Order types, time in force, amendments, batches and the market's rules, through the API on real
 * PostgreSQL and Kafka.
 */
class OrderTypesIT extends TradingIntegration {

    @Test
    void aMarketBuySweepsTheAsksAndCancelsWhatIsLeftReleasingItsCash() {
        Listed instrument = listInstrument(1000);
        sellWithCreditsHeld(trader(), instrument, 5, "10.00");
        sellWithCreditsHeld(trader(), instrument, 5, "12.00");
        UUID buyer = trader();
        deposit(buyer, "1000.00");

        JsonNode buy = as(buyer).post("/orders", typed(instrument, "BUY", "MARKET", null, 15, null)).expect(201);

        assertThat(buy.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(buy.get("cancelReason").asString()).isEqualTo("MARKET_REMAINDER");
        assertThat(buy.get("filledQuantity").asLong()).isEqualTo(10);
        assertThat(buy.get("timeInForce").asString()).as("a market order's default").isEqualTo("IOC");
        assertThat(trades(instrument.instrumentId())).extracting(t -> t.get("quantity").asLong() + "@"
                + money(t.get("price")).toPlainString()).containsExactly("5@12.00", "5@10.00");
        // 5 × 10.00 + 5 × 12.00 stay reserved for the trades; nothing else
        assertCash(buyer, "1000.00", "110.00");
        assertThat(book(instrument).get("asks").isEmpty()).isTrue();
    }

    @Test
    void iocTradesWhatItCanAndFokAllOrNothing() {
        Listed instrument = listInstrument(1000);
        sellWithCreditsHeld(trader(), instrument, 5, "10.00");
        UUID buyer = trader();
        deposit(buyer, "1000.00");

        JsonNode fok = as(buyer).post("/orders", typed(instrument, "BUY", "LIMIT", "FOK", 6, "10.00")).expect(201);
        assertThat(fok.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(fok.get("cancelReason").asString()).isEqualTo("FOK_UNFILLED");
        assertThat(fok.get("filledQuantity").asLong()).isZero();
        assertThat(trades(instrument.instrumentId())).isEmpty();
        assertCash(buyer, "1000.00", "0.00");

        JsonNode ioc = as(buyer).post("/orders", typed(instrument, "BUY", "LIMIT", "IOC", 6, "10.00")).expect(201);
        assertThat(ioc.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(ioc.get("cancelReason").asString()).isEqualTo("IOC_REMAINDER");
        assertThat(ioc.get("filledQuantity").asLong()).isEqualTo(5);
        assertCash(buyer, "1000.00", "50.00");
        assertThat(book(instrument).get("bids").isEmpty()).as("an IOC order never rests").isTrue();

        JsonNode day = as(buyer).post("/orders", typed(instrument, "BUY", "LIMIT", "DAY", 2, "9.00")).expect(201);
        assertThat(day.get("status").asString()).isEqualTo("OPEN");
        assertThat(day.get("timeInForce").asString()).isEqualTo("DAY");
    }

    @Test
    void aMarketOrderWithAPriceOrThatWouldRestIsRefusedNamingTheField() {
        Listed instrument = listInstrument(10);
        UUID buyer = trader();

        var priced = as(buyer).post("/orders", typed(instrument, "BUY", "MARKET", null, 1, "10.00"));
        var resting = as(buyer).post("/orders", typed(instrument, "BUY", "MARKET", "GTC", 1, null));
        var unpriced = as(buyer).post("/orders", typed(instrument, "BUY", "LIMIT", null, 1, null));

        assertThat(field(priced)).isEqualTo("limitPrice");
        assertThat(field(resting)).isEqualTo("timeInForce");
        assertThat(field(unpriced)).isEqualTo("limitPrice");
    }

    @Test
    void aLowerQuantityKeepsTimePriorityAndANewPriceLosesIt() {
        Listed instrument = listInstrument(1000);
        UUID first = trader();
        UUID second = trader();
        UUID firstSell = sellWithCreditsHeld(first, instrument, 10, "20.00");
        UUID secondSell = sellWithCreditsHeld(second, instrument, 10, "20.00");

        JsonNode smaller = as(first).send("PATCH", "/orders/" + firstSell, Map.of("quantity", 8)).expect(200);
        assertThat(smaller.get("quantity").asLong()).isEqualTo(8);
        assertThat(TestEvents.await(Topics.TRADING_ORDERS, CreditHoldReleaseRequested.class,
                e -> e.holdId().equals(firstSell), PATIENCE)).as("the 2 credits it gave up").singleElement()
                .satisfies(e -> assertThat(e.quantity()).isEqualTo(2));
        assertThat(as(first).send("PATCH", "/orders/" + firstSell, Map.of("quantity", 11)).status())
                .as("a sell order cannot outgrow its hold").isEqualTo(422);
        UUID buyer = trader();
        deposit(buyer, "1000.00");
        placeOrder(buyer, instrument.instrumentId(), "BUY", 3, "20.00");
        assertThat(remaining(first, firstSell)).as("still first in the queue").isEqualTo(5);
        assertThat(remaining(second, secondSell)).isEqualTo(10);

        // a new price sends it to the back of the level, behind the second seller
        as(first).send("PATCH", "/orders/" + firstSell, Map.of("limitPrice", new BigDecimal("19.00"))).expect(200);
        as(first).send("PATCH", "/orders/" + firstSell, Map.of("limitPrice", new BigDecimal("20.00"))).expect(200);
        placeOrder(buyer, instrument.instrumentId(), "BUY", 3, "20.00");
        assertThat(remaining(first, firstSell)).isEqualTo(5);
        assertThat(remaining(second, secondSell)).isEqualTo(7);

        UUID stranger = trader();
        assertThat(as(stranger).send("PATCH", "/orders/" + firstSell, Map.of("quantity", 1)).status()).isEqualTo(403);
    }

    @Test
    void amendingABuyOrderToACrossingPriceTradesAndMovesItsReservation() {
        Listed instrument = listInstrument(1000);
        sellWithCreditsHeld(trader(), instrument, 4, "25.00");
        UUID buyer = trader();
        deposit(buyer, "1000.00");
        UUID bid = id(placeOrder(buyer, instrument.instrumentId(), "BUY", 10, "20.00"));
        assertCash(buyer, "1000.00", "200.00");

        JsonNode amended = as(buyer).send("PATCH", "/orders/" + bid, Map.of("limitPrice", new BigDecimal("25.00")))
                .expect(200);

        assertThat(amended.get("filledQuantity").asLong()).isEqualTo(4);
        assertThat(money(amended.get("reservedCash"))).isEqualByComparingTo("150.00");
        // 4 × 25.00 for the trade, 6 × 25.00 for what still rests
        assertCash(buyer, "1000.00", "250.00");
        assertThat(as(buyer).send("PATCH", "/orders/" + bid, Map.of("quantity", 1000)).status())
                .as("more than the cash allows").isEqualTo(422);
        assertThat(as(buyer).send("PATCH", "/orders/" + bid, Map.of()).status()).isEqualTo(400);
    }

    @Test
    void aBatchAnswersEachOrderOnItsOwn() {
        Listed instrument = listInstrument(1000);
        UUID buyer = trader();
        deposit(buyer, "100.00");
        List<Map<String, Object>> orders = List.of(
                order(instrument.instrumentId(), "BUY", 2, "10.00"),
                order(instrument.instrumentId(), "BUY", 1, "1.234"),
                order(instrument.instrumentId(), "BUY", 100, "10.00"),
                order("P999999-1999", "BUY", 1, "10.00"),
                order(instrument.instrumentId(), "SELL", 3, "30.00"));

        JsonNode answer = as(buyer).post("/orders/batch", Map.of("orders", orders)).expect(200);

        assertThat(answer.get("placed").asInt()).isEqualTo(2);
        assertThat(answer.get("refused").asInt()).isEqualTo(3);
        List<JsonNode> results = answer.get("results").valueStream().toList();
        assertThat(results).extracting(r -> r.get("status").asInt()).containsExactly(201, 400, 422, 422, 201);
        assertThat(results.get(0).get("order").get("status").asString()).isEqualTo("OPEN");
        assertThat(results.get(1).get("problem").get("errors").get(0).get("field").asString()).isEqualTo("limitPrice");
        assertThat(results.get(2).get("problem").get("type").asString())
                .isEqualTo("urn:carbonsink:problem:insufficient-cash");
        assertThat(results.get(3).get("problem").get("type").asString())
                .isEqualTo("urn:carbonsink:problem:unknown-instrument");
        assertThat(results.get(4).get("order").get("status").asString()).isEqualTo("PENDING_HOLD");
        assertCash(buyer, "100.00", "20.00");

        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(order(instrument.instrumentId(), "BUY", 1, "1.00"));
        }
        var refused = as(buyer).post("/orders/batch", Map.of("orders", tooMany));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("orders");
        assertCash(buyer, "100.00", "20.00");
    }

    @Test
    void aBatchAskedForTheMinimalAnswerGetsEachOrdersIdAndStateOnly() {
        Listed instrument = listInstrument(1000);
        UUID buyer = trader();
        deposit(buyer, "100.00");
        List<Map<String, Object>> orders = List.of(
                order(instrument.instrumentId(), "BUY", 2, "10.00"),
                order(instrument.instrumentId(), "BUY", 100, "10.00"));

        var answer = as(buyer).withHeader("Prefer", "return=minimal").post("/orders/batch", Map.of("orders", orders));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Preference-Applied")).isEqualTo("return=minimal");
        List<JsonNode> results = answer.json().get("results").valueStream().toList();
        assertThat(results.get(0).propertyNames()).containsExactlyInAnyOrder("index", "status", "id", "orderStatus");
        assertThat(results.get(0).get("orderStatus").asString()).isEqualTo("OPEN");
        UUID placed = UUID.fromString(results.get(0).get("id").asString());
        assertThat(as(buyer).get("/orders/" + placed).expect(200).get("quantity").asLong()).isEqualTo(2);
        assertThat(results.get(1).propertyNames()).containsExactlyInAnyOrder("index", "status", "problem");
        assertThat(results.get(1).get("problem").get("type").asString())
                .isEqualTo("urn:carbonsink:problem:insufficient-cash");
        assertCash(buyer, "100.00", "20.00");
    }

    @Test
    void anOrderNeverTradesWithItsOwnersRestingOrderWhichIsCancelled() {
        Listed instrument = listInstrument(1000);
        UUID both = trader();
        UUID ownSell = sellWithCreditsHeld(both, instrument, 5, "10.00");
        UUID other = trader();
        UUID otherSell = sellWithCreditsHeld(other, instrument, 5, "11.00");
        deposit(both, "1000.00");

        JsonNode buy = placeOrder(both, instrument.instrumentId(), "BUY", 5, "11.00");

        assertThat(buy.get("status").asString()).isEqualTo("FILLED");
        assertThat(trades(instrument.instrumentId())).singleElement()
                .satisfies(t -> assertThat(money(t.get("price"))).isEqualByComparingTo("11.00"));
        JsonNode cancelled = as(both).get("/orders/" + ownSell).expect(200);
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("cancelReason").asString()).isEqualTo("SELF_TRADE");
        assertThat(TestEvents.await(Topics.TRADING_ORDERS, CreditHoldReleaseRequested.class,
                e -> e.holdId().equals(ownSell), PATIENCE)).singleElement()
                .satisfies(e -> assertThat(e.quantity()).isEqualTo(5));
        assertThat(as(other).get("/orders/" + otherSell).expect(200).get("status").asString()).isEqualTo("FILLED");
    }

    @Test
    void theOperatorHaltsAndResumesTradingAndOrdersAreRefusedMeanwhile() {
        Listed instrument = listInstrument(1000);
        UUID buyer = trader();
        deposit(buyer, "1000.00");
        UUID resting = id(placeOrder(buyer, instrument.instrumentId(), "BUY", 1, "10.00"));
        ApiClient operator = api().as(registered("EXCHANGE_OPERATOR"), "EXCHANGE_OPERATOR");

        JsonNode halted = operator.post("/instruments/" + instrument.instrumentId() + "/halt", null).expect(200);

        assertThat(halted.get("halted").asBoolean()).isTrue();
        assertRefused(as(buyer).post("/orders", order(instrument.instrumentId(), "BUY", 1, "10.00")), 409,
                "instrument-halted");
        assertRefused(as(trader()).post("/orders", order(instrument.instrumentId(), "SELL", 1, "10.00")), 409,
                "instrument-halted");
        assertRefused(as(buyer).send("PATCH", "/orders/" + resting, Map.of("quantity", 2)), 409, "instrument-halted");
        assertCash(buyer, "1000.00", "10.00");
        assertThat(as(buyer).post("/orders/" + resting + "/cancellation", null).expect(200).get("status").asString())
                .as("cancelling still works").isEqualTo("CANCELLED");

        assertThat(operator.post("/instruments/" + instrument.instrumentId() + "/resume", null).expect(200)
                .get("halted").asBoolean()).isFalse();
        placeOrder(buyer, instrument.instrumentId(), "BUY", 1, "10.00");
        assertThat(as(buyer).post("/instruments/" + instrument.instrumentId() + "/halt", null).status())
                .as("a trader does not halt markets").isEqualTo(403);
    }

    @Test
    void limitPricesStayWithinTheBandAroundTheReferencePrice() {
        Listed instrument = listInstrument(1000);
        UUID buyer = trader();
        deposit(buyer, "10000.00");
        ApiClient operator = api().as(registered("EXCHANGE_OPERATOR"), "EXCHANGE_OPERATOR");

        JsonNode banded = operator.put("/instruments/" + instrument.instrumentId() + "/band",
                Map.of("referencePrice", new BigDecimal("50.00"), "bandBasisPoints", 1000)).expect(200);

        assertThat(money(banded.get("referencePrice"))).isEqualByComparingTo("50.00");
        assertThat(banded.get("bandBasisPoints").asInt()).isEqualTo(1000);
        var above = as(buyer).post("/orders", order(instrument.instrumentId(), "BUY", 1, "55.01"));
        assertRefused(above, 422, "price-outside-band");
        assertThat(money(above.json().get("upperBand"))).isEqualByComparingTo("55.00");
        var below = as(trader()).post("/orders", order(instrument.instrumentId(), "SELL", 1, "44.99"));
        assertRefused(below, 422, "price-outside-band");
        // a sell order, refused before its hold, names the same band, reference and source as a buy order
        for (var refused : List.of(above, below)) {
            assertThat(money(refused.json().get("lowerBand"))).isEqualByComparingTo("45.00");
            assertThat(money(refused.json().get("upperBand"))).isEqualByComparingTo("55.00");
            assertThat(money(refused.json().get("referencePrice"))).isEqualByComparingTo("50.00");
            assertThat(refused.json().get("referenceSource").asString()).isEqualTo("OPERATOR");
            assertThat(refused.json().get("detail").asString()).contains("operator's reference price");
        }
        assertThat(placeOrder(buyer, instrument.instrumentId(), "BUY", 1, "55.00").get("status").asString())
                .isEqualTo("OPEN");
        assertThat(placeOrder(buyer, instrument.instrumentId(), "BUY", 1, "45.00").get("status").asString())
                .isEqualTo("OPEN");
        assertThat(operator.put("/instruments/" + instrument.instrumentId() + "/band",
                Map.of("referencePrice", new BigDecimal("50.00"), "bandBasisPoints", 10_001)).status()).isEqualTo(400);
        assertCash(buyer, "10000.00", "100.00");
    }

    @Test
    void anOrderBelowTheMinimumValueOrBeyondTheOpenOrderCapIsRefused() {
        Listed instrument = listInstrument(1000);
        UUID buyer = trader();
        deposit(buyer, "1000.00");

        assertRefused(as(buyer).post("/orders", order(instrument.instrumentId(), "BUY", 1, "0.99")), 422,
                "below-minimum-order-value");
        for (int i = 0; i < OPEN_ORDER_CAP; i++) {
            placeOrder(buyer, instrument.instrumentId(), "BUY", 1, "1.00");
        }
        assertRefused(as(buyer).post("/orders", order(instrument.instrumentId(), "BUY", 1, "1.00")), 422,
                "open-order-cap");
        assertCash(buyer, "1000.00", OPEN_ORDER_CAP + ".00");
    }

    @Test
    void aSellOrderWhoseCreditsAreHeldOnceItsOwnerIsAtTheOpenOrderCapIsRejectedAndItsCreditsGoBack() {
        Listed instrument = listInstrument(1000);
        UUID trader = trader();
        deposit(trader, "1000.00");
        for (int i = 0; i < OPEN_ORDER_CAP - 1; i++) {
            placeOrder(trader, instrument.instrumentId(), "BUY", 1, "1.00");
        }
        UUID sell = id(placeOrder(trader, instrument.instrumentId(), "SELL", 1, "90.00"));
        // the cap counts the sell order awaiting its hold, but the book does not know it yet: the last buy fits
        placeOrder(trader, instrument.instrumentId(), "BUY", 1, "1.00");
        CreditHoldRequested hold = holdRequestedFor(sell);

        TestEvents.send(Topics.REGISTRY_HOLDS, instrument.instrumentId(), new CreditsHeld(UUID.randomUUID(),
                Instant.now(), hold.holdId(), hold.instrumentId(), hold.quantity()));

        JsonNode rejected = awaitOrder(trader, sell, "REJECTED");
        assertThat(rejected.get("rejectionReason").asString()).contains("cap is " + OPEN_ORDER_CAP);
        assertThat(as(trader).get("/orders?status=OPEN&instrumentId=" + instrument.instrumentId()).expect(200)
                .get("total").asLong()).as("open orders in the book").isEqualTo(OPEN_ORDER_CAP);
        assertThat(TestEvents.await(Topics.TRADING_ORDERS, CreditHoldReleaseRequested.class,
                e -> e.holdId().equals(sell), PATIENCE)).extracting(CreditHoldReleaseRequested::quantity)
                .containsExactly(1L);
    }

    @Test
    void onlyParticipantsTheRegistryRegisteredToTradePlaceOrders() {
        Listed instrument = listInstrument(10);

        assertRefused(as(UUID.randomUUID()).post("/orders", order(instrument.instrumentId(), "BUY", 1, "10.00")), 422,
                "no-registry-account");
        assertRefused(as(registered("VERIFIER")).post("/orders", order(instrument.instrumentId(), "SELL", 1, "10.00")),
                403, "trading-role-required");
        UUID owner = registered("PROJECT_OWNER");
        assertThat(placeOrder(owner, instrument.instrumentId(), "SELL", 1, "10.00").get("status").asString())
                .isEqualTo("PENDING_HOLD");
    }

    private static Map<String, Object> typed(Listed instrument, String side, String type, String tif, long quantity,
            String limitPrice) {
        Map<String, Object> order = new HashMap<>();
        order.put("instrumentId", instrument.instrumentId());
        order.put("side", side);
        order.put("type", type);
        order.put("quantity", quantity);
        if (tif != null) {
            order.put("timeInForce", tif);
        }
        if (limitPrice != null) {
            order.put("limitPrice", new BigDecimal(limitPrice));
        }
        return order;
    }

    private JsonNode book(Listed instrument) {
        return api().get("/instruments/" + instrument.instrumentId() + "/book").expect(200);
    }

    private long remaining(UUID owner, UUID order) {
        return as(owner).get("/orders/" + order).expect(200).get("remainingQuantity").asLong();
    }

    private static String field(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response.json().get("errors").get(0).get("field").asString();
    }

    private static void assertRefused(ApiClient.Response response, int status, String rule) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:" + rule);
    }

    private static UUID id(JsonNode node) {
        return UUID.fromString(node.get("id").asString());
    }
}
