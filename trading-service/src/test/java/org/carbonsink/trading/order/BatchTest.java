package org.carbonsink.trading.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.TraceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.carbonsink.support.tracing.TraceContexts;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.trading.matching.BookEvents;
import org.carbonsink.trading.matching.CancelReason;
import org.carbonsink.trading.matching.OrderType;
import org.carbonsink.trading.matching.RejectReason;
import org.carbonsink.trading.matching.Side;
import org.carbonsink.trading.matching.TimeInForce;
import org.junit.jupiter.api.Test;

/**
 * What one group commit collects to write, in memory: the cash reserved and released, the orders and
 * trades, the command log. The book holds asks of another participant, rested as a loaded book would be.
 */
class BatchTest {

    private static final String INSTRUMENT = "P000001-2025";
    private static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");
    private final UUID seller = UUID.randomUUID();
    private final UUID buyer = UUID.randomUUID();
    private final TradingRules rules = new TradingRules(new BigDecimal("1.00"), 3, LocalTime.of(15, 0),
            ZoneId.of("Asia/Shanghai"), List.of("TRADER"), 2000, Duration.ofSeconds(1), Duration.ZERO);
    private final Sequencer writer = new Sequencer(0, null, null, rules, null, new AsksOfOneSeller(), null,
            Clock.fixed(NOW, ZoneOffset.UTC), id -> true, TraceContexts.none());

    /** Loads a book with two asks of the seller: 4 @ 18.00, then 6 @ 19.00. */
    final class AsksOfOneSeller extends BookLoader {

        AsksOfOneSeller() {
            super(null, null, null, null);
        }

        @Override
        Optional<InstrumentBook> load(String instrumentId, Sequencer owner) {
            InstrumentBook book = new InstrumentBook(instrumentId, 7, false, 0, 1000, NOW);
            long priority = 1;
            for (long[] ask : new long[][] { { 4, 1800 }, { 6, 1900 } }) {
                LiveOrder order = new LiveOrder(owner.nextEngineId(), UUID.randomUUID(), instrumentId, seller,
                        owner.participantKey(seller), Side.SELL, OrderType.LIMIT, TimeInForce.GTC, NOW, ask[1], ask[0],
                        true);
                order.status = OrderStatus.OPEN;
                order.bookPriority = priority++;
                book.track(order);
                book.rested(order);
                book.engine.place(order.engineId, order.participantKey, Side.SELL, OrderType.LIMIT, TimeInForce.GTC,
                        ask[1], ask[0], NOTHING);
            }
            return Optional.of(book);
        }
    }

    @Test
    void aBuyReservesItsCostAndReleasesThePriceImprovementOfEachFill() {
        Batch batch = new Batch(writer, NOW, Map.of(buyer, 100_000L));

        Order order = place(batch, OrderType.LIMIT, TimeInForce.GTC, 5, "20.00");

        // 5 × 20.00 reserved; 4 filled at 18.00 and 1 at 19.00 keep 91.00 reserved for the trades
        assertThat(batch.cashDelta).containsExactly(Map.entry(buyer, 9100L));
        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(order.reservedCash()).isEqualByComparingTo("0.00");
        assertThat(batch.trades).extracting(t -> t.quantity() + "@" + t.price()).containsExactly("4@18.00", "1@19.00");
        assertThat(batch.logRows).singleElement().satisfies(row -> {
            assertThat(row.sequence()).as("the instrument's next sequence number").isEqualTo(8);
            assertThat(row.kind()).isEqualTo("PLACE");
        });
    }

    @Test
    void aRestingBuyKeepsItsUnfilledPartReservedAndAMarketRemainderReleasesEverything() {
        Batch batch = new Batch(writer, NOW, Map.of(buyer, 100_000L));

        Order resting = place(batch, OrderType.LIMIT, TimeInForce.GTC, 12, "19.00");
        Order market = place(batch, OrderType.MARKET, TimeInForce.IOC, 3, null);

        assertThat(resting.status()).isEqualTo(OrderStatus.OPEN);
        assertThat(resting.filledQuantity()).isEqualTo(10);
        assertThat(resting.reservedCash()).isEqualByComparingTo("38.00");
        assertThat(market.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(market.cancelReason()).isEqualTo(CancelReason.MARKET_REMAINDER);
        // 4 × 18.00 + 6 × 19.00 for the trades, 2 × 19.00 for what rests; the market order kept nothing
        assertThat(batch.cashDelta).containsExactly(Map.entry(buyer, 7200L + 11400L + 3800L));
    }

    @Test
    void eachTradeIsPublishedInTheAggressorsTraceAndEachReleaseInTheTraceOfWhatLetItGo() {
        Batch batch = new Batch(writer, NOW, Map.of(buyer, 100_000L));
        TraceContext buyersRequest = new Trace("buy");
        TraceContext sellersCancel = new Trace("cancel");

        batch.apply(new BookCommand.Place(UUID.randomUUID(), new PlaceOrder(buyer, INSTRUMENT, Side.BUY, OrderType.LIMIT,
                TimeInForce.GTC, 5, new BigDecimal("20.00"))), new CompletableFuture<>(), buyersRequest);
        UUID restingAsk = writer.book(INSTRUMENT).orders.stream().filter(o -> o.side == Side.SELL)
                .findFirst().orElseThrow().id;
        batch.apply(new BookCommand.Cancel(INSTRUMENT, restingAsk, seller), new CompletableFuture<>(), sellersCancel);

        assertThat(batch.trades).hasSize(2);
        assertThat(batch.tradeCauses).as("both fills of the buy order, which took the liquidity")
                .containsExactly(buyersRequest, buyersRequest);
        assertThat(batch.holdReleases).extracting(Batch.HoldRelease::cause).containsExactly(sellersCancel);
    }

    /** A trace context told apart by its trace id only, as the batch only passes it on. */
    private record Trace(String traceId) implements TraceContext {
        @Override
        public String parentId() {
            return null;
        }

        @Override
        public String spanId() {
            return traceId;
        }

        @Override
        public Boolean sampled() {
            return true;
        }
    }

    @Test
    void aRefusedOrderChangesNothingAndTakesNoSequenceNumber() {
        Batch batch = new Batch(writer, NOW, Map.of(buyer, 1_000L));

        ProblemException refused = refusal(batch, OrderType.LIMIT, TimeInForce.GTC, 1, "20.00");

        assertThat(refused.slug()).isEqualTo("insufficient-cash");
        assertThat(batch.cashDelta).isEmpty();
        assertThat(batch.changed).isEmpty();
        assertThat(batch.logRows).isEmpty();
        assertThat(writer.book(INSTRUMENT).sequence).isEqualTo(7);
    }

    @Test
    void theOpenOrderCapCountsTheParticipantsRestingOrders() {
        Batch batch = new Batch(writer, NOW, Map.of(buyer, 100_000L));
        for (int i = 0; i < rules.maxOpenOrdersPerInstrument(); i++) {
            place(batch, OrderType.LIMIT, TimeInForce.GTC, 1, "10.00");
        }

        assertThat(refusal(batch, OrderType.LIMIT, TimeInForce.GTC, 1, "10.00").slug()).isEqualTo("open-order-cap");
        assertThat(place(batch, OrderType.LIMIT, TimeInForce.IOC, 1, "10.00").status())
                .as("an order that cannot rest is not counted").isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void aKeyedOrderRepeatedInTheSameBatchIsAnsweredOnceAndAnotherRequestWithItsKeyIsRefused() {
        Batch batch = new Batch(writer, NOW, Map.of(buyer, 100_000L));
        UUID id = UUID.randomUUID();
        PlaceOrder order = new PlaceOrder(buyer, INSTRUMENT, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 2,
                new BigDecimal("10.00"));

        batch.apply(new BookCommand.Place(id, order, "hash-1"), new CompletableFuture<>(), null);
        batch.apply(new BookCommand.Place(id, order, "hash-1"), new CompletableFuture<>(), null);
        batch.apply(new BookCommand.Place(id, order, "hash-2"), new CompletableFuture<>(), null);

        assertThat(batch.answers.get(1).value()).isInstanceOfSatisfying(Batch.Replayed.class,
                replayed -> assertThat(replayed.order().id()).isEqualTo(id));
        assertThat(((ProblemException) batch.answers.get(2).refusal()).slug()).isEqualTo("idempotency-key-reused");
        assertThat(batch.requestHashes).containsExactly(Map.entry(id, "hash-1"));
        assertThat(batch.cashDelta).as("reserved once").containsExactly(Map.entry(buyer, 2000L));
        assertThat(batch.logRows).hasSize(1);
    }

    private Order place(Batch batch, OrderType type, TimeInForce tif, long quantity, String price) {
        CompletableFuture<Object> answer = new CompletableFuture<>();
        batch.apply(new BookCommand.Place(UUID.randomUUID(), new PlaceOrder(buyer, INSTRUMENT, Side.BUY, type, tif,
                quantity, price == null ? null : new BigDecimal(price))), answer, null);
        Batch.Answer last = batch.answers.get(batch.answers.size() - 1);
        assertThat(last.refusal()).isNull();
        return (Order) last.value();
    }

    private ProblemException refusal(Batch batch, OrderType type, TimeInForce tif, long quantity, String price) {
        batch.apply(new BookCommand.Place(UUID.randomUUID(), new PlaceOrder(buyer, INSTRUMENT, Side.BUY, type, tif,
                quantity, new BigDecimal(price))), new CompletableFuture<>(), null);
        return (ProblemException) batch.answers.get(batch.answers.size() - 1).refusal();
    }

    private static final BookEvents NOTHING = new BookEvents() {
        @Override
        public void accepted(long orderId) {
        }

        @Override
        public void trade(long takerOrderId, long makerOrderId, long takerParticipant, long makerParticipant,
                Side takerSide, long priceFen, long quantity, boolean makerFilled) {
        }

        @Override
        public void rested(long orderId, long priceFen, long openQuantity) {
        }

        @Override
        public void cancelled(long orderId, long cancelledQuantity, CancelReason reason) {
        }

        @Override
        public void amended(long orderId, long priceFen, long openQuantity, boolean keptPriority) {
        }

        @Override
        public void rejected(long orderId, RejectReason reason) {
        }
    };
}
