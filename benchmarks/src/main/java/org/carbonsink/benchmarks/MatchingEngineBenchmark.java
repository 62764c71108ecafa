package org.carbonsink.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.carbonsink.trading.matching.BookEvents;
import org.carbonsink.trading.matching.CancelReason;
import org.carbonsink.trading.matching.MatchingEngineBook;
import org.carbonsink.trading.matching.RejectReason;
import org.carbonsink.trading.matching.Side;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One thread applying exchange-core's throughput mix to a {@code FastOrderBook}, one command per
 * operation. The commands are precomputed, so only the book is measured.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MatchingEngineBenchmark {

    private static final int COMMANDS = 1_000_000;

    private OrderStream stream;
    private MatchingEngineBook book;
    private final CountingEvents events = new CountingEvents();
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        stream = OrderStream.exchangeCoreMix(42, COMMANDS);
        book = OrderStream.openBook(stream, events);
        List<String> opening = contents(book);
        for (int i = 0; i < stream.length(); i++) {
            stream.apply(i, book, events);
        }
        if (!contents(book).equals(opening)) {
            throw new IllegalStateException("one pass of the stream must leave the book as it opened");
        }
        System.out.println("stream: " + stream.length() + " commands, " + new TreeMap<>(stream.mix()));
        System.out.println("opening book: " + book.orderCount() + " orders, " + levels(book) + " levels");
    }

    @Benchmark
    public long exchangeCoreMix() {
        stream.apply(next, book, events);
        next = next + 1 == stream.length() ? 0 : next + 1;
        return events.sum;
    }

    private static List<String> contents(MatchingEngineBook book) {
        List<String> rows = new ArrayList<>();
        for (Side side : Side.values()) {
            book.forEachOrder(side, (id, participant, price, open, tif) -> rows.add(id + " " + price + " " + open));
        }
        return rows;
    }

    private static int levels(MatchingEngineBook book) {
        int[] levels = {0};
        for (Side side : Side.values()) {
            book.forEachLevel(side, (price, quantity, count) -> levels[0]++);
        }
        return levels[0];
    }

    /** Takes every event at the cost of an addition, so the work behind it cannot be optimised away. */
    static final class CountingEvents implements BookEvents {
        long sum;

        @Override
        public void accepted(long orderId) {
            sum++;
        }

        @Override
        public void trade(long takerOrderId, long makerOrderId, long takerParticipant, long makerParticipant,
                Side takerSide, long priceFen, long quantity, boolean makerFilled) {
            sum += quantity;
        }

        @Override
        public void rested(long orderId, long priceFen, long openQuantity) {
            sum += openQuantity;
        }

        @Override
        public void cancelled(long orderId, long cancelledQuantity, CancelReason reason) {
            sum += cancelledQuantity;
        }

        @Override
        public void amended(long orderId, long priceFen, long openQuantity, boolean keptPriority) {
            sum += priceFen;
        }

        @Override
        public void rejected(long orderId, RejectReason reason) {
            sum--;
        }
    }
}
