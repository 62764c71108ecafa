package org.carbonsink.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carbonsink.contracts.CreditHoldReleaseRequested;
import org.carbonsink.contracts.CreditHoldRequested;
import org.carbonsink.contracts.CreditsHeld;
import org.carbonsink.contracts.Topics;
import org.carbonsink.testsupport.TestEvents;
import org.carbonsink.trading.TradingInstance.MovableClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The books live in memory and are rebuilt from the database on start: a service stopped in the middle
 * of a stream of orders and started again holds the same book and makes the same later trades as one
 * that ran without stopping. And DAY orders expire at the session close of the service's clock.
 */
class EngineRecoveryIT {

    /** One step of the stream: a trader (by index) places, cancels or amends (an earlier step's order). */
    record Step(int trader, String action, String side, long quantity, String price, int target) {

        static Step buy(int trader, long quantity, String price) {
            return new Step(trader, "PLACE", "BUY", quantity, price, -1);
        }

        static Step sell(int trader, long quantity, String price) {
            return new Step(trader, "PLACE", "SELL", quantity, price, -1);
        }

        static Step cancel(int trader, int step) {
            return new Step(trader, "CANCEL", null, 0, null, step);
        }

        static Step amend(int trader, int step, long quantity, String price) {
            return new Step(trader, "AMEND", null, quantity, price, step);
        }
    }

    // time priority matters in the second half: equal prices on both sides before the stop, trades after
    static final List<Step> BEFORE_STOP = List.of(
            Step.buy(0, 10, "10.00"), Step.buy(1, 10, "10.00"), Step.buy(2, 5, "10.50"), Step.sell(3, 4, "11.00"),
            Step.sell(0, 6, "11.00"), Step.buy(1, 3, "9.50"), Step.amend(0, 0, 8, "10.00"), Step.sell(2, 5, "12.00"),
            Step.buy(3, 2, "10.00"), Step.cancel(1, 5), Step.amend(2, 7, 5, "11.00"), Step.sell(1, 3, "10.50"));
    static final List<Step> AFTER_STOP = List.of(
            Step.sell(3, 12, "10.00"), Step.buy(0, 9, "11.00"), Step.sell(2, 4, "9.00"), Step.buy(1, 20, "12.00"),
            Step.buy(3, 5, "10.00"), Step.sell(0, 3, "10.00"));

    @Test
    void aRestartedServiceHasTheSameBookAndMakesTheSameLaterTradesAsOneThatRanOn() {
        String instrument = TradingInstance.listInstrument();
        List<UUID> traders = TradingInstance.traders(4);

        Run uninterrupted = new Run(instrument, traders);
        Map<String, Object> onlyDatabase = TradingInstance.database("trading-uninterrupted");
        String group = "trading-uninterrupted-" + UUID.randomUUID();
        JsonNode bookAtStop;
        try (TradingInstance service = TradingInstance.start(onlyDatabase, group, null)) {
            uninterrupted.begin(service);
            uninterrupted.play(service, BEFORE_STOP);
            bookAtStop = book(service, instrument);
            uninterrupted.play(service, AFTER_STOP);
            uninterrupted.finish(service);
        }

        // the restarted service writes every batch with COPY (the uninterrupted one, of small batches, with
        // unnest): both ways of writing must leave the same book, orders and command log
        Run restarted = new Run(instrument, traders);
        Map<String, Object> database = TradingInstance.database("trading-restarted");
        database.put("carbonsink.trading.copy-from", 1);
        String restartedGroup = "trading-restarted-" + UUID.randomUUID();
        try (TradingInstance service = TradingInstance.start(database, restartedGroup, null)) {
            restarted.begin(service);
            restarted.play(service, BEFORE_STOP);
            assertThat(book(service, instrument)).isEqualTo(bookAtStop);
        }
        try (TradingInstance service = TradingInstance.start(database, restartedGroup, null)) {
            service.knows(instrument, traders);
            assertThat(book(service, instrument)).as("the book after the restart").isEqualTo(bookAtStop);
            restarted.play(service, AFTER_STOP);
            restarted.finish(service);
        }

        assertThat(uninterrupted.trades).as("the trades of the whole stream").isNotEmpty();
        assertThat(restarted.trades).isEqualTo(uninterrupted.trades);
        assertThat(restarted.orders).as("every order's final state").isEqualTo(uninterrupted.orders);
        assertThat(restarted.book).isEqualTo(uninterrupted.book);
        assertThat(restarted.commandSequence).as("the command log, numbered without gaps")
                .isEqualTo(uninterrupted.commandSequence);
        assertThat(uninterrupted.commandLog).as("the command log of the whole stream").hasSameSizeAs(
                uninterrupted.commandSequence).anySatisfy(command -> assertThat(command).contains(" PLACE step 0 "));
        assertThat(restarted.commandLog).as("the command log, written one way and the other").isEqualTo(
                uninterrupted.commandLog);
    }

    @Test
    void dayOrdersExpireAtTheSessionCloseAndGiveTheirCashBack() {
        String instrument = TradingInstance.listInstrument();
        List<UUID> traders = TradingInstance.traders(1);
        UUID buyer = traders.get(0);
        // 14:00 in Shanghai; the session closes at 15:00 (the default)
        MovableClock clock = new MovableClock(Instant.parse("2026-12-01T06:00:00Z"));
        try (TradingInstance service = TradingInstance.start(TradingInstance.database("trading-day-orders"),
                "trading-day-orders-" + UUID.randomUUID(), clock)) {
            service.knows(instrument, traders);
            service.deposit(buyer, "1000.00");
            String day = service.as(buyer).post("/orders", Map.of("instrumentId", instrument, "side", "BUY",
                    "timeInForce", "DAY", "quantity", 10, "limitPrice", new BigDecimal("10.00"))).expect(201)
                    .get("id").asString();
            String gtc = service.as(buyer).post("/orders", Map.of("instrumentId", instrument, "side", "BUY",
                    "quantity", 5, "limitPrice", new BigDecimal("10.00"))).expect(201).get("id").asString();
            assertThat(reserved(service, buyer)).isEqualByComparingTo("150.00");

            clock.set(Instant.parse("2026-12-01T07:00:01Z"));

            await().atMost(TradingInstance.PATIENCE).until(() -> service.as(buyer).get("/orders/" + day).expect(200)
                    .get("status").asString().equals("CANCELLED"));
            JsonNode expired = service.as(buyer).get("/orders/" + day).expect(200);
            assertThat(expired.get("cancelReason").asString()).isEqualTo("EXPIRED");
            assertThat(service.as(buyer).get("/orders/" + gtc).expect(200).get("status").asString()).isEqualTo("OPEN");
            assertThat(reserved(service, buyer)).isEqualByComparingTo("50.00");
        }
    }

    @Test
    void aDaySellWhoseSessionClosesWhileItsCreditsAreBeingHeldExpiresInsteadOfResting() {
        String instrument = TradingInstance.listInstrument();
        List<UUID> traders = TradingInstance.traders(2);
        UUID seller = traders.get(0);
        UUID buyer = traders.get(1);
        // 14:59 in Shanghai: the order is placed before the 15:00 close, its hold confirmed after it
        MovableClock clock = new MovableClock(Instant.parse("2026-12-01T06:59:00Z"));
        try (TradingInstance service = TradingInstance.start(TradingInstance.database("trading-day-holds"),
                "trading-day-holds-" + UUID.randomUUID(), clock)) {
            service.knows(instrument, traders);
            UUID sell = UUID.fromString(service.as(seller).post("/orders", Map.of("instrumentId", instrument,
                    "side", "SELL", "timeInForce", "DAY", "quantity", 10, "limitPrice", new BigDecimal("10.00")))
                    .expect(201).get("id").asString());
            CreditHoldRequested hold = TestEvents.await(Topics.TRADING_ORDERS, CreditHoldRequested.class,
                    e -> e.holdId().equals(sell), TradingInstance.PATIENCE).get(0);

            clock.set(Instant.parse("2026-12-01T07:00:01Z"));
            TestEvents.send(Topics.REGISTRY_HOLDS, instrument, new CreditsHeld(UUID.randomUUID(), Instant.now(),
                    hold.holdId(), hold.instrumentId(), hold.quantity()));

            await().atMost(TradingInstance.PATIENCE).until(() -> service.as(seller).get("/orders/" + sell).expect(200)
                    .get("status").asString().equals("CANCELLED"));
            assertThat(service.as(seller).get("/orders/" + sell).expect(200).get("cancelReason").asString())
                    .isEqualTo("EXPIRED");
            assertThat(TestEvents.await(Topics.TRADING_ORDERS, CreditHoldReleaseRequested.class,
                    e -> e.holdId().equals(sell), TradingInstance.PATIENCE)).as("the registry lets the 10 credits go")
                    .singleElement().satisfies(e -> assertThat(e.quantity()).isEqualTo(10));
            assertThat(book(service, instrument).get("asks").isEmpty()).as("nothing rests after the close").isTrue();
            service.deposit(buyer, "1000.00");
            assertThat(service.as(buyer).post("/orders", Map.of("instrumentId", instrument, "side", "BUY",
                    "quantity", 10, "limitPrice", new BigDecimal("10.00"))).expect(201).get("filledQuantity").asLong())
                    .as("a buyer after the close cannot trade with the expired order").isZero();
        }
    }

    private static BigDecimal reserved(TradingInstance service, UUID participant) {
        return service.as(participant).get("/cash-accounts/" + participant).expect(200).get("reserved").decimalValue();
    }

    private static JsonNode book(TradingInstance service, String instrument) {
        return service.api().get("/instruments/" + instrument + "/book").expect(200);
    }

    /** One run of the stream on one database: the order ids it got, and what it ended with. */
    static final class Run {

        final String instrument;
        final List<UUID> traders;
        final List<String> orderIds = new ArrayList<>();
        List<String> trades;
        List<String> orders;
        JsonNode book;
        List<Long> commandSequence;
        List<String> commandLog;

        Run(String instrument, List<UUID> traders) {
            this.instrument = instrument;
            this.traders = traders;
        }

        void begin(TradingInstance service) {
            service.knows(instrument, traders);
            for (UUID trader : traders) {
                service.deposit(trader, "100000.00");
            }
        }

        void play(TradingInstance service, List<Step> steps) {
            for (Step step : steps) {
                UUID trader = traders.get(step.trader());
                switch (step.action()) {
                    case "PLACE" -> {
                        JsonNode order = service.as(trader).post("/orders", Map.of("instrumentId", instrument,
                                "side", step.side(), "quantity", step.quantity(),
                                "limitPrice", new BigDecimal(step.price()))).expect(201);
                        String id = order.get("id").asString();
                        orderIds.add(id);
                        if (step.side().equals("SELL")) {
                            // the test plays the registry: it holds the credits, and the order enters the book
                            TestEvents.send(Topics.REGISTRY_HOLDS, instrument, new CreditsHeld(UUID.randomUUID(),
                                    Instant.now(), UUID.fromString(id), instrument, step.quantity()));
                            await().atMost(TradingInstance.PATIENCE).until(() -> !service.as(trader)
                                    .get("/orders/" + id).expect(200).get("status").asString().equals("PENDING_HOLD"));
                        }
                    }
                    case "CANCEL" -> {
                        orderIds.add(null);
                        service.as(trader).post("/orders/" + orderIds.get(step.target()) + "/cancellation", null);
                    }
                    default -> {
                        orderIds.add(null);
                        service.as(trader).send("PATCH", "/orders/" + orderIds.get(step.target()),
                                Map.of("quantity", step.quantity(), "limitPrice", new BigDecimal(step.price())));
                    }
                }
            }
        }

        void finish(TradingInstance service) {
            // who traded with whom is not public: read from the service's database, in execution order
            trades = service.jdbc().sql("select buy_order_id, sell_order_id, quantity, price from trade"
                    + " where instrument_id = :i order by seq").param("i", instrument)
                    .query((rs, row) -> stepOf(rs.getString(1)) + " buys from " + stepOf(rs.getString(2)) + ": "
                            + rs.getLong(3) + " @ " + rs.getBigDecimal(4))
                    .list();
            orders = new ArrayList<>();
            for (int i = 0; i < orderIds.size(); i++) {
                if (orderIds.get(i) != null) {
                    UUID trader = traders.get(i < BEFORE_STOP.size() ? BEFORE_STOP.get(i).trader()
                            : AFTER_STOP.get(i - BEFORE_STOP.size()).trader());
                    JsonNode o = service.as(trader).get("/orders/" + orderIds.get(i)).expect(200);
                    orders.add(i + ": " + o.get("status").asString() + " " + o.get("filledQuantity").asLong() + "/"
                            + o.get("quantity").asLong() + " @ " + o.get("limitPrice").decimalValue().setScale(2)
                            + " reserved " + o.get("reservedCash").decimalValue().setScale(2));
                }
            }
            book = book(service, instrument);
            commandSequence = service.jdbc().sql("select sequence from book_command where instrument_id = :i order by 1")
                    .param("i", instrument).query(Long.class).list();
            for (int i = 0; i < commandSequence.size(); i++) {
                assertThat(commandSequence.get(i)).isEqualTo(i + 1L);
            }
            // each command as the log shows it, its order named by the step that placed it (ids differ between runs)
            commandLog = service.jdbc().sql("""
                    select sequence, kind, order_id, trade_id is not null, detail, outcome from book_command
                    where instrument_id = :i order by sequence""").param("i", instrument)
                    .query((rs, row) -> rs.getLong(1) + " " + rs.getString(2) + " "
                            + (rs.getString(3) == null ? "-" : stepOf(rs.getString(3))) + (rs.getBoolean(4) ? " trade" : "")
                            + " " + rs.getString(5) + " -> " + rs.getString(6))
                    .list();
        }

        private String stepOf(String orderId) {
            return "step " + orderIds.indexOf(orderId);
        }
    }
}
