package org.carbonsink.trading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.SimulatedCrash;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Orders, deposits and withdrawals, block trades and auction bids cannot be undone: they need an
 * {@code Idempotency-Key}, and a retry after a crash between the commit and the response does not
 * run them twice.
 */
class CommandIdempotencyIT extends TradingIntegration {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCommandThatCannotBeUndoneIsRefusedWithoutAKeyAndChangesNothing() {
        UUID buyer = trader();
        Listed instrument = listInstrument(1_000);
        deposit(buyer, "1000.00");
        ApiClient careless = as(buyer).withoutIdempotencyKey();
        ApiClient carelessOperator = operator().withoutIdempotencyKey();
        UUID someId = UUID.randomUUID();

        List<ApiClient.Response> refused = List.of(
                careless.post("/orders", order(instrument.instrumentId(), "BUY", 10, "12.00")),
                careless.post("/orders/batch", Map.of("orders", List.of(order(instrument.instrumentId(), "BUY", 10,
                        "12.00")))),
                carelessOperator.post("/cash-accounts/" + buyer + "/deposits", Map.of("amount", new BigDecimal("5.00"))),
                carelessOperator.post("/cash-accounts/" + buyer + "/withdrawals", Map.of("amount", new BigDecimal("5.00"))),
                careless.post("/block-trades", Map.of()),
                careless.post("/block-trades/" + someId + "/acceptance", null),
                careless.post("/auctions", Map.of()),
                careless.post("/auctions/" + someId + "/bids", Map.of()));

        assertThat(refused).allSatisfy(response -> {
            assertThat(response.status()).as(response.toString()).isEqualTo(428);
            assertThat(response.json().get("type").asString())
                    .isEqualTo("urn:carbonsink:problem:idempotency-key-required");
            assertThat(response.json().get("detail").asString()).contains("Idempotency-Key");
        });
        assertCash(buyer, "1000.00", "0.00");
        assertThat(ordersOf(buyer)).isZero();
    }

    @Test
    void aDepositRetriedAfterACrashBetweenCommitAndResponseIsBookedOnce() {
        UUID participant = trader();
        ApiClient keyed = operator().withIdempotencyKey("deposit-" + UUID.randomUUID());
        String path = "/cash-accounts/" + participant + "/deposits";
        Map<String, Object> deposit = Map.of("amount", new BigDecimal("250.00"));

        SimulatedCrash.send(() -> keyed.withHeader(SimulatedCrash.HEADER, "true").post(path, deposit));
        var retry = keyed.post(path, deposit);
        var again = keyed.post(path, deposit);
        var otherBody = keyed.post(path, Map.of("amount", new BigDecimal("999.00")));

        assertThat(retry.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.body()).isEqualTo(retry.body());
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:idempotency-key-reused");
        assertCash(participant, "250.00", "0.00");
    }

    @Test
    void anOrderRetriedAfterACrashBetweenCommitAndResponseIsPlacedOnce() {
        UUID buyer = trader();
        Listed instrument = listInstrument(1_000);
        deposit(buyer, "1000.00");
        ApiClient keyed = as(buyer).withIdempotencyKey("order-" + UUID.randomUUID());
        Map<String, Object> order = order(instrument.instrumentId(), "BUY", 10, "12.00");

        SimulatedCrash.send(() -> keyed.withHeader(SimulatedCrash.HEADER, "true").post("/orders", order));
        var retry = keyed.post("/orders", order);

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("status").asString()).isEqualTo("OPEN");
        assertThat(ordersOf(buyer)).isEqualTo(1);
        assertCash(buyer, "1000.00", "120.00");
    }

    @Test
    void anOrderRetriedAfterItsProcessDiedBeforeStoringTheResponseIsAnsweredOnceTheClaimLapses() {
        UUID buyer = trader();
        Listed instrument = listInstrument(1_000);
        deposit(buyer, "1000.00");
        String key = "order-" + UUID.randomUUID();
        ApiClient keyed = as(buyer).withIdempotencyKey(key);
        Map<String, Object> order = order(instrument.instrumentId(), "BUY", 10, "12.00");
        String placed = keyed.post("/orders", order).expect(201).get("id").asString();
        // what a kill -9 after the order's commit, before its response was stored, leaves behind
        jdbc.sql("""
                update idempotent_request set status = null, content_type = null, response_body = null,
                    location = null, claimed_until = now() - interval '1 second'
                where idempotency_key = :key
                """).param("key", key).update();

        var retry = keyed.post("/orders", order);

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id").asString()).isEqualTo(placed);
        assertThat(ordersOf(buyer)).isEqualTo(1);
        assertCash(buyer, "1000.00", "120.00");
    }

    @Test
    void aBatchRetriedAfterACrashBetweenCommitAndResponsePlacesEachOrderOnce() {
        UUID buyer = trader();
        Listed instrument = listInstrument(1_000);
        deposit(buyer, "1000.00");
        ApiClient keyed = as(buyer).withIdempotencyKey("batch-" + UUID.randomUUID());
        Map<String, Object> batch = Map.of("orders", List.of(order(instrument.instrumentId(), "BUY", 10, "12.00"),
                order(instrument.instrumentId(), "BUY", 5, "11.00")));

        SimulatedCrash.send(() -> keyed.withHeader(SimulatedCrash.HEADER, "true").post("/orders/batch", batch));
        var retry = keyed.post("/orders/batch", batch);

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("placed").asInt()).isEqualTo(2);
        assertThat(ordersOf(buyer)).isEqualTo(2);
        assertCash(buyer, "1000.00", "175.00");
    }

    private long ordersOf(UUID participant) {
        return jdbc.sql("select count(*) from exchange_order where participant_id = :p").param("p", participant)
                .query(Long.class).single();
    }
}
