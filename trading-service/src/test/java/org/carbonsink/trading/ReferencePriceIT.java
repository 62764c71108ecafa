package org.carbonsink.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carbonsink.contracts.CreditHoldRequested;
import org.carbonsink.contracts.CreditsHeld;
import org.carbonsink.contracts.Topics;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.TestEvents;
import org.carbonsink.trading.TradingInstance.MovableClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The band's reference price: the operator's when set, otherwise the previous session's close (the last
 * trade before the latest 15:00 Asia/Shanghai close); an instrument that never traded before the session
 * and has no operator reference has no band, and its first trades discover the price.
 */
class ReferencePriceIT {

    @Test
    void theBandFollowsTheOperatorsReferenceElseThePreviousCloseAndNothingBeforeTheFirstTrade() {
        String instrument = TradingInstance.listInstrument();
        List<UUID> traders = TradingInstance.traders(2);
        UUID seller = traders.get(0);
        UUID buyer = traders.get(1);
        // 14:00 in Shanghai; the session closes at 15:00
        MovableClock clock = new MovableClock(Instant.parse("2026-12-01T06:00:00Z"));
        Map<String, Object> database = TradingInstance.database("trading-reference-price");
        try (TradingInstance service = TradingInstance.start(database, "trading-reference-" + UUID.randomUUID(), clock)) {
            service.knows(instrument, traders);
            service.deposit(buyer, "100000.00");

            // never traded, no operator reference: no band, any price goes
            assertInstrumentBand(service, instrument, null, null, null, null, null);
            cancel(service, buyer, buy(service, buyer, instrument, "900.00").expect(201));

            // the first trade discovers the price: 10.00
            sellHeld(service, seller, instrument, 10, "10.00");
            assertThat(buy(service, buyer, instrument, "10.00").expect(201).get("filledQuantity").asLong()).isEqualTo(1);
            // the session's own trades do not move its band: still none until the close (this buy takes the
            // resting ask at its 10.00)
            assertThat(buy(service, buyer, instrument, "900.00").expect(201).get("filledQuantity").asLong()).isEqualTo(1);

            clock.set(Instant.parse("2026-12-01T07:00:01Z"));

            // after the close the previous close (10.00) is the reference: ±10% = 9.00 to 11.00
            assertOutsideBand(buy(service, buyer, instrument, "11.01"), "10.00", "PREVIOUS_CLOSE", "9.00", "11.00");
            assertInstrumentBand(service, instrument, null, "10.00", "PREVIOUS_CLOSE", "9.00", "11.00");
            assertThat(buy(service, buyer, instrument, "11.00").status()).isEqualTo(201);

            // the operator's reference takes precedence; removing it falls back on the previous close
            ApiClient operator = service.as(UUID.randomUUID(), "EXCHANGE_OPERATOR");
            operator.put("/instruments/" + instrument + "/band",
                    Map.of("referencePrice", new BigDecimal("50.00"), "bandBasisPoints", 1000)).expect(200);
            assertOutsideBand(buy(service, buyer, instrument, "11.00"), "50.00", "OPERATOR", "45.00", "55.00");
            assertInstrumentBand(service, instrument, "50.00", "50.00", "OPERATOR", "45.00", "55.00");
            assertThat(buy(service, buyer, instrument, "50.00").status()).isEqualTo(201);
            Map<String, Object> noReference = new HashMap<>();
            noReference.put("referencePrice", null);
            noReference.put("bandBasisPoints", 1000);
            operator.put("/instruments/" + instrument + "/band", noReference).expect(200);
            assertOutsideBand(buy(service, buyer, instrument, "50.00"), "10.00", "PREVIOUS_CLOSE", "9.00", "11.00");
        }
        // a restarted service finds the previous close in its trades
        try (TradingInstance restarted = TradingInstance.start(database, "trading-reference-" + UUID.randomUUID(), clock)) {
            restarted.knows(instrument, traders);
            assertOutsideBand(buy(restarted, buyer, instrument, "8.99"), "10.00", "PREVIOUS_CLOSE", "9.00", "11.00");
            assertInstrumentBand(restarted, instrument, null, "10.00", "PREVIOUS_CLOSE", "9.00", "11.00");
            // a sell is checked against the same band when it is placed, before its credits are held
            assertOutsideBand(restarted.as(seller).post("/orders", Map.of("instrumentId", instrument, "side", "SELL",
                    "quantity", 1, "limitPrice", new BigDecimal("12.00"))), null, null, "9.00", "11.00");
        }
    }

    private static ApiClient.Response buy(TradingInstance service, UUID buyer, String instrument, String price) {
        return service.as(buyer).post("/orders", Map.of("instrumentId", instrument, "side", "BUY", "quantity", 1,
                "limitPrice", new BigDecimal(price)));
    }

    private static void cancel(TradingInstance service, UUID owner, JsonNode order) {
        service.as(owner).post("/orders/" + order.get("id").asString() + "/cancellation", null).expect(200);
    }

    private static void sellHeld(TradingInstance service, UUID seller, String instrument, long quantity, String price) {
        UUID sell = UUID.fromString(service.as(seller).post("/orders", Map.of("instrumentId", instrument, "side", "SELL",
                "quantity", quantity, "limitPrice", new BigDecimal(price))).expect(201).get("id").asString());
        CreditHoldRequested hold = TestEvents.await(Topics.TRADING_ORDERS, CreditHoldRequested.class,
                e -> e.holdId().equals(sell), TradingInstance.PATIENCE).get(0);
        TestEvents.send(Topics.REGISTRY_HOLDS, instrument, new CreditsHeld(UUID.randomUUID(), Instant.now(),
                hold.holdId(), hold.instrumentId(), hold.quantity()));
        await().atMost(TradingInstance.PATIENCE).until(() -> service.as(seller).get("/orders/" + sell).expect(200)
                .get("status").asString().equals("OPEN"));
    }

    /** What anyone reads of today's band at GET /instruments/{id} (and in the list), as the refusal names it. */
    private static void assertInstrumentBand(TradingInstance service, String instrument, String operatorReference,
            String reference, String source, String lower, String upper) {
        JsonNode one = service.api().get("/instruments/" + instrument).expect(200);
        JsonNode listed = service.api().get("/instruments?limit=500").expect(200).get("items").valueStream()
                .filter(i -> i.get("id").asString().equals(instrument)).findFirst().orElseThrow();
        for (JsonNode view : List.of(one, listed)) {
            assertDecimal(view.get("referencePrice"), operatorReference, "the operator's reference, as before");
            assertDecimal(view.get("effectiveReferencePrice"), reference, "effectiveReferencePrice");
            assertThat(view.get("referenceSource").isNull() ? null : view.get("referenceSource").asString())
                    .isEqualTo(source);
            assertDecimal(view.get("lowerBand"), lower, "lowerBand");
            assertDecimal(view.get("upperBand"), upper, "upperBand");
        }
    }

    private static void assertDecimal(JsonNode value, String expected, String what) {
        if (expected == null) {
            assertThat(value.isNull()).as(what + " " + value).isTrue();
        } else {
            assertThat(value.decimalValue()).as(what).isEqualByComparingTo(expected);
        }
    }

    private static void assertOutsideBand(ApiClient.Response response, String reference, String source, String lower,
            String upper) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).isEqualTo("urn:carbonsink:problem:price-outside-band");
        assertThat(problem.get("lowerBand").decimalValue()).isEqualByComparingTo(lower);
        assertThat(problem.get("upperBand").decimalValue()).isEqualByComparingTo(upper);
        if (reference != null) {
            assertThat(problem.get("referencePrice").decimalValue()).isEqualByComparingTo(reference);
            assertThat(problem.get("referenceSource").asString()).isEqualTo(source);
        }
    }
}
