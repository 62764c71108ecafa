package org.carbonsink.trading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.SimulatedCrash;
import org.carbonsink.trading.order.LegacyOrderIds;
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

    @Autowired
    LegacyOrderIds legacyIds;

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
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().get("status").asString()).isEqualTo("OPEN");
        assertThat(ordersOf(buyer)).isEqualTo(1);
        assertCash(buyer, "1000.00", "120.00");
    }

    @Test
    void anOrderRepeatedWithItsKeyIsAnsweredTheOrderPlacedFirst() {
        UUID buyer = trader();
        Listed instrument = listInstrument(1_000);
        deposit(buyer, "1000.00");
        ApiClient keyed = as(buyer).withIdempotencyKey("order-" + UUID.randomUUID());
        Map<String, Object> order = order(instrument.instrumentId(), "BUY", 10, "12.00");

        var first = keyed.post("/orders", order);
        var again = keyed.post("/orders", order);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(again.json().get("status").asString()).isEqualTo("OPEN");
        assertThat(first.header("Location")).isEqualTo("/orders/" + first.json().get("id").asString())
                .isEqualTo(again.header("Location"));
        assertThat(ordersOf(buyer)).isEqualTo(1);
        assertCash(buyer, "1000.00", "120.00");
    }

    @Test
    void anOrderKeyUsedAgainForAnotherRequestIsRefusedAndChangesNothing() {
        UUID buyer = trader();
        Listed instrument = listInstrument(1_000);
        deposit(buyer, "1000.00");
        ApiClient keyed = as(buyer).withIdempotencyKey("order-" + UUID.randomUUID());
        keyed.post("/orders", order(instrument.instrumentId(), "BUY", 10, "12.00")).expect(201);

        var otherOrder = keyed.post("/orders", order(instrument.instrumentId(), "BUY", 20, "12.00"));
        var asABatch = keyed.post("/orders/batch", Map.of("orders", List.of(order(instrument.instrumentId(), "BUY",
                10, "12.00"), order(instrument.instrumentId(), "BUY", 1, "11.00"))));
        var otherSell = keyed.post("/orders", order(instrument.instrumentId(), "SELL", 10, "12.00"));

        assertThat(List.of(otherOrder, asABatch, otherSell)).allSatisfy(refused -> {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.json().get("type").asString())
                    .isEqualTo("urn:carbonsink:problem:idempotency-key-reused");
        });
        assertThat(ordersOf(buyer)).isEqualTo(1);
        assertCash(buyer, "1000.00", "120.00");
    }

    @Test
    void aBatchKeyUsedAgainForASingleOrderIsRefused() {
        UUID buyer = trader();
        Listed instrument = listInstrument(1_000);
        deposit(buyer, "1000.00");
        ApiClient keyed = as(buyer).withIdempotencyKey("batch-" + UUID.randomUUID());
        Map<String, Object> order = order(instrument.instrumentId(), "BUY", 10, "12.00");
        keyed.post("/orders/batch", Map.of("orders", List.of(order))).expect(200);

        var single = keyed.post("/orders", order);

        assertThat(single.status()).isEqualTo(422);
        assertThat(single.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:idempotency-key-reused");
        assertThat(ordersOf(buyer)).isEqualTo(1);
        assertCash(buyer, "1000.00", "120.00");
    }

    @Test
    void concurrentRepeatsOfAnOrderPlaceItOnce() throws Exception {
        UUID buyer = trader();
        Listed instrument = listInstrument(1_000);
        deposit(buyer, "1000.00");
        ApiClient keyed = as(buyer).withIdempotencyKey("order-" + UUID.randomUUID());
        Map<String, Object> order = order(instrument.instrumentId(), "BUY", 10, "12.00");
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<ApiClient.Response>> sent = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sent.add(clients.submit(() -> keyed.post("/orders", order)));
            }
            Set<String> ids = new HashSet<>();
            int replayed = 0;
            for (Future<ApiClient.Response> answer : sent) {
                ApiClient.Response response = answer.get();
                assertThat(response.status()).as(response.toString()).isEqualTo(201);
                ids.add(response.json().get("id").asString());
                replayed += "true".equals(response.header("Idempotent-Replayed")) ? 1 : 0;
            }
            assertThat(ids).hasSize(1);
            assertThat(replayed).isEqualTo(7);
        } finally {
            clients.shutdownNow();
        }
        assertThat(ordersOf(buyer)).isEqualTo(1);
        assertCash(buyer, "1000.00", "120.00");
    }

    /**
     * A batch looks its orders' ids up once, before the book writer: an order that a single order with the same
     * key commits in between meets the primary key, and the writer's retry answers it as a repeat. Whatever the
     * interleaving, nothing fails, the key's first order exists once and the cash reserved is what the open
     * orders need.
     */
    @Test
    void concurrentSingleOrdersAndBatchesWithOneKeyPlaceItsFirstOrderOnce() throws Exception {
        UUID buyer = trader();
        Listed instrument = listInstrument(1_000);
        deposit(buyer, "1000.00");
        ApiClient keyed = as(buyer).withIdempotencyKey("order-" + UUID.randomUUID());
        Map<String, Object> order = order(instrument.instrumentId(), "BUY", 10, "12.00");
        Map<String, Object> batch = Map.of("orders", List.of(order, order(instrument.instrumentId(), "BUY", 1, "11.00")));
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<ApiClient.Response>> sent = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                boolean single = i % 2 == 0;
                sent.add(clients.submit(() -> single ? keyed.post("/orders", order) : keyed.post("/orders/batch", batch)));
            }
            for (Future<ApiClient.Response> answer : sent) {
                ApiClient.Response response = answer.get();
                assertThat(response.status()).as(response.toString()).isIn(200, 201, 409, 422);
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(ordersOf(buyer)).isBetween(1L, 2L);
        assertReservedCashBacked(buyer);
    }

    @Test
    void aSellOrderRepeatedWithItsKeyIsAnsweredTheOrderPlacedFirst() {
        UUID seller = trader();
        Listed instrument = listInstrument(1_000);
        ApiClient keyed = as(seller).withIdempotencyKey("sell-" + UUID.randomUUID());
        Map<String, Object> order = order(instrument.instrumentId(), "SELL", 10, "12.00");

        var first = keyed.post("/orders", order);
        var again = keyed.post("/orders", order);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(again.json().get("status").asString()).isEqualTo("PENDING_HOLD");
        assertThat(ordersOf(seller)).isEqualTo(1);
    }

    @Test
    void aBatchRetriedAfterItsProcessDiedBeforeStoringTheResponseIsAnsweredOnceTheClaimLapses() {
        UUID buyer = trader();
        Listed instrument = listInstrument(1_000);
        deposit(buyer, "1000.00");
        String key = "batch-" + UUID.randomUUID();
        ApiClient keyed = as(buyer).withIdempotencyKey(key);
        Map<String, Object> batch = Map.of("orders", List.of(order(instrument.instrumentId(), "BUY", 10, "12.00")));
        String placed = keyed.post("/orders/batch", batch).expect(200).get("results").get(0).get("order").get("id")
                .asString();
        // what a kill -9 after the orders' commit, before the response was stored, leaves behind
        jdbc.sql("""
                update idempotent_request set status = null, content_type = null, response_body = null,
                    location = null, claimed_until = now() - interval '1 second'
                where idempotency_key = :key
                """).param("key", key).update();

        var retry = keyed.post("/orders/batch", batch);

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("results").get(0).get("order").get("id").asString()).isEqualTo(placed);
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

    @Test
    void anOrderFirstPlacedWithTheKeyedIdsOfBeforeTheirChangeIsAnsweredThatOrderOnARetry() {
        UUID buyer = trader();
        Listed instrument = listInstrument(1_000);
        deposit(buyer, "1000.00");
        Map<String, Object> order = order(instrument.instrumentId(), "BUY", 10, "12.00");
        // the hash of the request does not depend on its key: take it from an order placed with another key
        UUID other = UUID.fromString(as(buyer).withIdempotencyKey("order-" + UUID.randomUUID()).post("/orders", order)
                .expect(201).get("id").asString());
        String hash = jdbc.sql("select request_hash from exchange_order where id = :id").param("id", other)
                .query(String.class).single();
        // what the version before the change left: the order under the name-based id of (buyer, key, 0), since
        // cancelled, and the row migration V110 writes when it finds such orders
        String key = "order-" + UUID.randomUUID();
        UUID legacyId = UUID.nameUUIDFromBytes(("order/" + buyer + "/" + key + "/0").getBytes(StandardCharsets.UTF_8));
        jdbc.sql("""
                insert into exchange_order (id, instrument_id, participant_id, side, order_type, time_in_force, quantity,
                    limit_price, status, cancel_reason, book_priority, placed_at, updated_at, request_hash)
                values (:id, :instrument, :buyer, 'BUY', 'LIMIT', 'GTC', 10, 12.00, 'CANCELLED', 'USER', 1, now(), now(), :hash)
                """).param("id", legacyId).param("instrument", instrument.instrumentId()).param("buyer", buyer)
                .param("hash", hash).update();
        jdbc.sql("insert into legacy_keyed_order_ids (last_placed_at) values (now()) on conflict do nothing").update();
        legacyIds.forget();
        try {
            var retry = as(buyer).withIdempotencyKey(key).post("/orders", order);

            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(retry.json().get("id").asString()).isEqualTo(legacyId.toString());
            assertThat(retry.json().get("status").asString()).isEqualTo("CANCELLED");
            assertThat(ordersOf(buyer)).isEqualTo(2);
            assertCash(buyer, "1000.00", "120.00");
        } finally {
            jdbc.sql("delete from legacy_keyed_order_ids").update();
            legacyIds.forget();
        }
    }

    @Test
    void theOrdersOfOneKeyedBatchHaveIdsSideBySide() {
        UUID buyer = trader();
        Listed instrument = listInstrument(1_000);
        deposit(buyer, "1000.00");
        List<Map<String, Object>> orders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            orders.add(order(instrument.instrumentId(), "BUY", 1, "12.00"));
        }

        var results = as(buyer).withIdempotencyKey("batch-" + UUID.randomUUID()).post("/orders/batch",
                Map.of("orders", orders)).expect(200).get("results");

        List<UUID> ids = new ArrayList<>();
        results.forEach(result -> ids.add(UUID.fromString(result.get("order").get("id").asString())));
        assertThat(ids).allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(8);
            assertThat(id.getMostSignificantBits()).isEqualTo(ids.get(0).getMostSignificantBits());
        });
        assertThat(ids).extracting(id -> id.getLeastSignificantBits() & 0x3ff).containsExactly(0L, 1L, 2L);
        assertThat(ids).isSorted();
    }

    private long ordersOf(UUID participant) {
        return jdbc.sql("select count(*) from exchange_order where participant_id = :p").param("p", participant)
                .query(Long.class).single();
    }
}
