package org.carbonsink.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.carbonsink.trading.matching.BookEvents;
import org.carbonsink.trading.matching.CancelReason;
import org.carbonsink.trading.matching.FastOrderBook;
import org.carbonsink.trading.matching.MatchingEngineBook;
import org.carbonsink.trading.matching.OrderType;
import org.carbonsink.trading.matching.RejectReason;
import org.carbonsink.trading.matching.Side;
import org.carbonsink.trading.matching.TimeInForce;

/**
 * A precomputed, repeatable stream of book commands in the mix of exchange-core's throughput test:
 * a book of about 1,000 resting orders over about 750 price levels, then 9% new GTC limit orders,
 * 3% IOC orders, 6% cancels and 82% amends that move an order to another price. The stream is worked
 * out once, by running it on a book, so that every cancel and amend names an order that is resting
 * when it runs. It ends by cancelling what rests and placing the opening orders again, so the book is
 * back where it started and the stream can be replayed in a loop for as long as a measurement lasts.
 */
final class OrderStream {

    static final long MID = 100_000;
    static final int LEVELS_PER_SIDE = 375;
    static final int OPENING_ORDERS = 1_000;

    private static final byte PLACE = 0;
    private static final byte CANCEL = 1;
    private static final byte AMEND = 2;
    private static final Side[] SIDES = Side.values();
    private static final TimeInForce[] TIFS = TimeInForce.values();

    private final List<long[]> opening = new ArrayList<>();
    private final byte[] ops;
    private final long[] ids;
    private final long[] participants;
    private final byte[] sides;
    private final byte[] tifs;
    private final long[] prices;
    private final long[] quantities;
    private int length;
    private final Map<String, Integer> mix = new HashMap<>();

    private OrderStream(int capacity) {
        ops = new byte[capacity];
        ids = new long[capacity];
        participants = new long[capacity];
        sides = new byte[capacity];
        tifs = new byte[capacity];
        prices = new long[capacity];
        quantities = new long[capacity];
    }

    int length() {
        return length;
    }

    /** A new book with the market rules of the stream and the opening orders resting. */
    static MatchingEngineBook openBook(OrderStream stream, BookEvents events) {
        MatchingEngineBook book = new FastOrderBook(4 * OPENING_ORDERS);
        book.setReferencePrice(MID);
        book.setBandBasisPoints(1000);
        for (long[] order : stream.opening) {
            book.place(order[0], order[1], SIDES[(int) order[2]], OrderType.LIMIT, TimeInForce.GTC, order[3], order[4],
                    events);
        }
        return book;
    }

    void apply(int i, MatchingEngineBook book, BookEvents events) {
        switch (ops[i]) {
            case PLACE -> book.place(ids[i], participants[i], SIDES[sides[i]], OrderType.LIMIT, TIFS[tifs[i]], prices[i],
                    quantities[i], events);
            case CANCEL -> book.cancel(ids[i], events);
            default -> book.amend(ids[i], prices[i], quantities[i], events);
        }
    }

    /** How many commands of each kind the stream holds, and what the book did with them. */
    Map<String, Integer> mix() {
        return mix;
    }

    static OrderStream exchangeCoreMix(long seed, int commands) {
        Random random = new Random(seed);
        OrderStream stream = new OrderStream(commands + 3 * OPENING_ORDERS);
        for (int i = 0; i < OPENING_ORDERS; i++) {
            // one order on each of the 750 levels, then the rest on levels drawn at random
            int side = i < 2 * LEVELS_PER_SIDE ? i % 2 : random.nextInt(2);
            int offset = i < 2 * LEVELS_PER_SIDE ? 1 + i / 2 : 1 + random.nextInt(LEVELS_PER_SIDE);
            stream.opening.add(new long[] {i + 1, participant(random), side, side == 0 ? MID - offset : MID + offset,
                    quantity(random)});
        }
        Tracker tracker = new Tracker();
        stream.opening.forEach(order -> tracker.sides.put(order[0], (int) order[2]));
        MatchingEngineBook book = openBook(stream, tracker);
        long nextId = OPENING_ORDERS + 1;
        for (int i = 0; i < commands; i++) {
            int dice = random.nextInt(100);
            if (dice < 12) {
                int side = random.nextInt(2);
                boolean ioc = dice >= 9;
                // IOC orders cross the spread by up to two levels; so do some GTC orders while the book holds more
                // than it opened with, so that trades and cancels balance new orders and the book keeps its size
                boolean crossing = ioc || tracker.live.size() > OPENING_ORDERS && random.nextInt(100) < 30;
                long price = crossing ? aggressive(book, side, random) : passive(side, random);
                stream.add(PLACE, nextId++, participant(random), side, ioc ? TimeInForce.IOC : TimeInForce.GTC, price,
                        quantity(random), book, tracker);
            } else if (dice < 18) {
                stream.add(CANCEL, tracker.any(random), 0, 0, TimeInForce.GTC, 0, 0, book, tracker);
            } else {
                long id = tracker.any(random);
                int side = tracker.sides.get(id);
                long price = passive(side, random);
                if (price == tracker.prices.get(id)) {
                    price += side == 0 ? -1 : 1;
                }
                stream.add(AMEND, id, 0, side, TimeInForce.GTC, price, book.openQuantity(id), book, tracker);
            }
            stream.mix.merge("fewest resting", tracker.live.size(), Math::min);
            stream.mix.merge("most resting", tracker.live.size(), Math::max);
        }
        stream.mix.put("resting at the end", tracker.live.size());
        for (long id : List.copyOf(tracker.live)) {
            stream.add(CANCEL, id, 0, 0, TimeInForce.GTC, 0, 0, book, tracker);
        }
        for (long[] order : stream.opening) {
            stream.add(PLACE, order[0], order[1], (int) order[2], TimeInForce.GTC, order[3], order[4], book, tracker);
        }
        stream.mix.putAll(tracker.counts);
        return stream;
    }

    private void add(byte op, long id, long participant, int side, TimeInForce tif, long price, long quantity,
            MatchingEngineBook book, Tracker tracker) {
        ops[length] = op;
        ids[length] = id;
        participants[length] = participant;
        sides[length] = (byte) side;
        tifs[length] = (byte) tif.ordinal();
        prices[length] = price;
        quantities[length] = quantity;
        if (op == PLACE) {
            tracker.sides.put(id, side);
        }
        apply(length, book, tracker);
        if (!book.contains(id)) {
            tracker.remove(id);
        }
        mix.merge(op == PLACE ? "place " + tif : op == CANCEL ? "cancel" : "amend", 1, Integer::sum);
        length++;
    }

    private static long passive(int side, Random random) {
        int offset = 1 + random.nextInt(LEVELS_PER_SIDE);
        return side == 0 ? MID - offset : MID + offset;
    }

    private static long aggressive(MatchingEngineBook book, int side, Random random) {
        long best = side == 0 ? book.bestAsk() : book.bestBid();
        if (best == MatchingEngineBook.NO_ASK || best == MatchingEngineBook.NO_BID) {
            return passive(side, random);
        }
        return side == 0 ? best + random.nextInt(3) : best - random.nextInt(3);
    }

    private static long participant(Random random) {
        return 1 + random.nextInt(200);
    }

    private static long quantity(Random random) {
        return 1 + random.nextInt(100);
    }

    /** Follows which orders rest, where, so that the stream only cancels and amends resting orders. */
    private static final class Tracker implements BookEvents {
        final List<Long> live = new ArrayList<>();
        final Map<Long, Integer> positions = new HashMap<>();
        final Map<Long, Integer> sides = new HashMap<>();
        final Map<Long, Long> prices = new HashMap<>();
        final Map<String, Integer> counts = new HashMap<>();

        long any(Random random) {
            return live.get(random.nextInt(live.size()));
        }

        void remove(long id) {
            Integer position = positions.remove(id);
            if (position != null) {
                long last = live.remove(live.size() - 1);
                if (position < live.size()) {
                    live.set(position, last);
                    positions.put(last, position);
                }
            }
        }

        @Override
        public void accepted(long orderId) {
        }

        @Override
        public void trade(long takerOrderId, long makerOrderId, long takerParticipant, long makerParticipant,
                Side takerSide, long priceFen, long quantity, boolean makerFilled) {
            counts.merge("trades", 1, Integer::sum);
            if (makerFilled) {
                remove(makerOrderId);
            }
        }

        @Override
        public void rested(long orderId, long priceFen, long openQuantity) {
            prices.put(orderId, priceFen);
            if (!positions.containsKey(orderId)) {
                positions.put(orderId, live.size());
                live.add(orderId);
            }
        }

        @Override
        public void cancelled(long orderId, long cancelledQuantity, CancelReason reason) {
            counts.merge("cancelled " + reason, 1, Integer::sum);
            remove(orderId);
        }

        @Override
        public void amended(long orderId, long priceFen, long openQuantity, boolean keptPriority) {
            prices.put(orderId, priceFen);
        }

        @Override
        public void rejected(long orderId, RejectReason reason) {
            throw new IllegalStateException("the stream must not hold a rejected command: " + orderId + " " + reason);
        }
    }
}
