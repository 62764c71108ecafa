package org.carbonsink.trading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.carbonsink.contracts.CreditHoldReleaseRequested;
import org.carbonsink.contracts.CreditHoldRequested;
import org.carbonsink.contracts.CreditsHeld;
import org.carbonsink.contracts.Topics;
import org.carbonsink.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A seller may cancel a sell order still waiting for the registry to hold its credits; whichever comes
 * first, the cancel or the hold, no credits stay held for a cancelled order.
 */
class CancelAwaitingHoldIT extends TradingIntegration {

    @Test
    void aSellOrderAwaitingItsHoldIsCancelledAndTheHoldThatArrivesLaterIsLetGo() {
        Listed instrument = listInstrument(100);
        UUID seller = trader();
        UUID orderId = UUID.fromString(placeOrder(seller, instrument.instrumentId(), "SELL", 10, "30.00")
                .get("id").asString());
        CreditHoldRequested request = holdRequestedFor(orderId);

        JsonNode cancelled = as(seller).post("/orders/" + orderId + "/cancellation", null).expect(200);

        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("cancelReason").asString()).isEqualTo("USER");
        assertThat(TestEvents.await(Topics.TRADING_ORDERS, CreditHoldReleaseRequested.class,
                e -> e.holdId().equals(orderId), PATIENCE)).as("all the registry holds or will hold for it")
                .singleElement().satisfies(e -> assertThat(e.quantity()).isEqualTo(10));

        // the registry held the credits before it read the release
        TestEvents.send(Topics.REGISTRY_HOLDS, instrument.instrumentId(), new CreditsHeld(UUID.randomUUID(),
                Instant.now(), orderId, instrument.instrumentId(), request.quantity()));
        // a later hold on the same key: once it is open, the first one was read
        UUID laterSeller = trader();
        UUID later = sellWithCreditsHeld(laterSeller, instrument, 5, "31.00");

        assertThat(as(seller).get("/orders/" + orderId).expect(200).get("status").asString()).isEqualTo("CANCELLED");
        JsonNode asks = api().get("/instruments/" + instrument.instrumentId() + "/book").expect(200).get("asks");
        assertThat(asks.size()).as("only the later order is offered").isEqualTo(1);
        assertThat(awaitOrder(laterSeller, later, "OPEN").get("remainingQuantity").asLong()).isEqualTo(5);
        assertThat(as(seller).post("/orders/" + orderId + "/cancellation", null).expect(409).get("type").asString())
                .endsWith("order-closed");
    }

    @Test
    void aHoldThatArrivesBeforeTheCancelOpensTheOrderAndTheCancelLetsItGo() {
        Listed instrument = listInstrument(100);
        UUID seller = trader();
        UUID orderId = sellWithCreditsHeld(seller, instrument, 10, "30.00");

        JsonNode cancelled = as(seller).post("/orders/" + orderId + "/cancellation", null).expect(200);

        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(TestEvents.await(Topics.TRADING_ORDERS, CreditHoldReleaseRequested.class,
                e -> e.holdId().equals(orderId), PATIENCE)).singleElement()
                .satisfies(e -> assertThat(e.quantity()).isEqualTo(10));
        assertThat(api().get("/instruments/" + instrument.instrumentId() + "/book").expect(200).get("asks").isEmpty())
                .isTrue();
    }

    @Test
    void onlyTheSellerMayCancelAnOrderAwaitingItsHold() {
        Listed instrument = listInstrument(100);
        UUID seller = trader();
        UUID orderId = UUID.fromString(placeOrder(seller, instrument.instrumentId(), "SELL", 10, "30.00")
                .get("id").asString());

        as(trader()).post("/orders/" + orderId + "/cancellation", null).expect(403);

        assertThat(as(seller).get("/orders/" + orderId).expect(200).get("status").asString()).isEqualTo("PENDING_HOLD");
    }
}
