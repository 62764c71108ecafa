package org.carbonsink.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.carbonsink.contracts.CreditsDelivered;
import org.carbonsink.contracts.SerialRange;
import org.carbonsink.contracts.Topics;
import org.carbonsink.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The exchange's half of the reconciliation: what it expects of each hold, its trades, its cash. */
class ReconciliationSnapshotIT extends TradingIntegration {

    @Test
    void showsWhatEachSellOrderExpectsTheRegistryToHoldAndDeliverToTheOperatorOnly() {
        Listed instrument = listInstrument(1000);
        UUID seller = trader();
        UUID buyer = trader();
        deposit(buyer, "10000.00");
        UUID sell = sellWithCreditsHeld(seller, instrument, 100, "50.00");
        placeOrder(buyer, instrument.instrumentId(), "BUY", 30, "50.00");
        placeOrder(buyer, instrument.instrumentId(), "BUY", 20, "50.00");
        List<JsonNode> trades = new ArrayList<>();
        await().atMost(PATIENCE).until(() -> {
            trades.clear();
            trades.addAll(trades(instrument.instrumentId()));
            return trades.size() == 2;
        });
        JsonNode first = trades.stream().filter(t -> t.get("quantity").asLong() == 30).findFirst().orElseThrow();
        UUID settledTrade = UUID.fromString(first.get("id").asString());
        UUID pendingTrade = UUID.fromString(trades.stream().filter(t -> t != first).findFirst().orElseThrow()
                .get("id").asString());
        TestEvents.send(Topics.REGISTRY_HOLDS, instrument.instrumentId(), new CreditsDelivered(UUID.randomUUID(),
                Instant.now(), settledTrade, instrument.instrumentId(), buyer, 30,
                List.of(new SerialRange(instrument.instrumentId(), 1, 30))));
        awaitTrade(settledTrade, "SETTLED");

        JsonNode snapshot = operator().get("/admin/reconciliation/snapshot").expect(200);

        assertThat(snapshot.get("holds").valueStream().filter(h -> h.get("holdId").asString().equals(sell.toString())))
                .singleElement().satisfies(h -> {
                    assertThat(h.get("kind").asString()).isEqualTo("SELL_ORDER");
                    assertThat(h.get("status").asString()).isEqualTo("OPEN");
                    assertThat(h.get("awaitingHold").asBoolean()).isFalse();
                    // 50 still open + 20 awaiting delivery
                    assertThat(h.get("remaining").asLong()).isEqualTo(70);
                    assertThat(h.get("delivered").asLong()).isEqualTo(30);
                });
        assertThat(snapshot.get("trades").valueStream()
                .filter(t -> t.get("holdId").asString().equals(sell.toString()))
                .map(t -> t.get("tradeId").asString() + " " + t.get("status").asString()))
                .containsExactlyInAnyOrder(settledTrade + " SETTLED", pendingTrade + " PENDING_DELIVERY");
        assertThat(snapshot.get("cash").valueStream()
                .filter(c -> c.get("participantId").asString().equals(buyer.toString())))
                .singleElement().satisfies(c -> {
                    assertThat(money(c.get("balance"))).isEqualByComparingTo("8500.00");
                    assertThat(money(c.get("expectedBalance"))).isEqualByComparingTo("8500.00");
                });
        assertThat(snapshot.get("reservations").valueStream()
                .map(r -> r.get("participantId").asString())).doesNotContain(buyer.toString());
        assertThat(as(seller).get("/admin/reconciliation/snapshot").status()).isEqualTo(403);
    }
}
