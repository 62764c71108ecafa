package org.carbonsink.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.UUID;
import org.carbonsink.contracts.CreditDeliveryFailed;
import org.carbonsink.contracts.CreditHoldRequested;
import org.carbonsink.contracts.CreditsHeld;
import org.carbonsink.contracts.Topics;
import org.carbonsink.testsupport.TestEvents;
import org.junit.jupiter.api.Test;

/**
 * The book writer commits a command's effects on its own thread, in a batch with other requests'
 * commands; the events each command causes still continue the trace of the request or record that
 * submitted it (the outbox row stores it, the relay sends the event in it). So an operator who looks
 * up the trace id a trader got back in X-Correlation-Id finds the trade's Kafka hops in it.
 */
class TradeTracingIT extends TradingIntegration {

    @Test
    void aTradeContinuesTheTraceOfTheBuyOrderThatTookTheLiquidity() {
        Listed instrument = listInstrument(1000);
        UUID seller = trader();
        sellWithCreditsHeld(seller, instrument, 10, "30.00");
        UUID buyer = trader();
        deposit(buyer, "1000.00");
        String traceId = newTraceId();

        var buy = as(buyer).withHeader("traceparent", traceparent(traceId))
                .post("/orders", order(instrument.instrumentId(), "BUY", 10, "30.00"));

        assertThat(buy.status()).isEqualTo(201);
        assertThat(buy.header("X-Correlation-Id")).isEqualTo(traceId);
        UUID tradeId = UUID.fromString(trades(instrument.instrumentId()).get(0).get("id").asString());
        assertThat(tracesOfEvents("TradeExecuted", "tradeId", tradeId)).containsExactly(traceId);
    }

    @Test
    void aSellOrderOpenedByTheRegistrysHoldTradesInTheTraceOfThatRecord() {
        Listed instrument = listInstrument(1000);
        UUID buyer = trader();
        deposit(buyer, "1000.00");
        placeOrder(buyer, instrument.instrumentId(), "BUY", 10, "30.00");
        UUID seller = trader();
        UUID sellId = UUID.fromString(placeOrder(seller, instrument.instrumentId(), "SELL", 10, "30.00")
                .get("id").asString());
        CreditHoldRequested hold = holdRequestedFor(sellId);
        String traceId = newTraceId();

        TestEvents.send(Topics.REGISTRY_HOLDS, instrument.instrumentId(), new CreditsHeld(UUID.randomUUID(),
                Instant.now(), hold.holdId(), instrument.instrumentId(), 10), traceparent(traceId));

        awaitOrder(seller, sellId, "FILLED");
        UUID tradeId = UUID.fromString(trades(instrument.instrumentId()).get(0).get("id").asString());
        assertThat(tracesOfEvents("TradeExecuted", "tradeId", tradeId)).containsExactly(traceId);
    }

    @Test
    void aHoldReleaseContinuesTheTraceOfTheCancelThatCausedIt() {
        Listed instrument = listInstrument(1000);
        UUID seller = trader();
        UUID sellId = sellWithCreditsHeld(seller, instrument, 10, "30.00");
        String traceId = newTraceId();

        as(seller).withHeader("traceparent", traceparent(traceId)).post("/orders/" + sellId + "/cancellation", null)
                .expect(200);

        assertThat(tracesOfEvents("CreditHoldReleaseRequested", "holdId", sellId)).containsExactly(traceId);
    }

    @Test
    void aFailedDeliveryReleasesTheSellersCreditsInTheTraceOfTheRegistrysRecord() {
        Listed instrument = listInstrument(1000);
        Matched matched = tenAtThirty(instrument);
        String traceId = newTraceId();

        TestEvents.send(Topics.REGISTRY_HOLDS, instrument.instrumentId(), new CreditDeliveryFailed(UUID.randomUUID(),
                Instant.now(), matched.tradeId(), instrument.instrumentId(), "the seller's hold has fewer credits left",
                CreditDeliveryFailed.HOLD_SHORT), traceparent(traceId));

        await().atMost(PATIENCE).until(() -> !tracesOfEvents("CreditHoldReleaseRequested", "holdId",
                matched.sellOrder()).isEmpty());
        assertThat(tracesOfEvents("CreditHoldReleaseRequested", "holdId", matched.sellOrder())).containsExactly(traceId);
    }
}
