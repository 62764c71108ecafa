package org.carbonsink.trading.matching;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** An order book kept as price levels, each a queue in time order. */
public final class PriceLevelOrderBook implements OrderBook {

    private final Clock clock;
    // best level first: highest bid, lowest ask; BigDecimal keys compare by value, so 10.5 and 10.50 share a level
    private final NavigableMap<BigDecimal, Deque<BookOrder>> bids = new TreeMap<>(Comparator.reverseOrder());
    private final NavigableMap<BigDecimal, Deque<BookOrder>> asks = new TreeMap<>();

    public PriceLevelOrderBook(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<Fill> place(BookOrder order) {
        NavigableMap<BigDecimal, Deque<BookOrder>> opposite = order.side() == Side.BUY ? asks : bids;
        List<Fill> fills = new ArrayList<>();
        long remaining = order.quantity();
        while (remaining > 0 && !opposite.isEmpty() && order.accepts(opposite.firstKey())) {
            Map.Entry<BigDecimal, Deque<BookOrder>> level = opposite.firstEntry();
            Deque<BookOrder> queue = level.getValue();
            BookOrder resting = queue.pollFirst();
            long quantity = Math.min(remaining, resting.quantity());
            fills.add(Fills.between(order, resting, quantity, clock.instant()));
            remaining -= quantity;
            if (resting.quantity() > quantity) {
                queue.addFirst(resting.withQuantity(resting.quantity() - quantity));
            }
            if (queue.isEmpty()) {
                opposite.remove(level.getKey());
            }
        }
        if (remaining > 0) {
            add(order.withQuantity(remaining));
        }
        return fills;
    }

    @Override
    public void rest(BookOrder order) {
        NavigableMap<BigDecimal, Deque<BookOrder>> opposite = order.side() == Side.BUY ? asks : bids;
        if (!opposite.isEmpty() && order.accepts(opposite.firstKey())) {
            throw new IllegalStateException("order " + order.id() + " at " + order.limitPrice()
                    + " crosses the book at " + opposite.firstKey());
        }
        add(order);
    }

    @Override
    public List<BookOrder> bids() {
        return flatten(bids);
    }

    @Override
    public List<BookOrder> asks() {
        return flatten(asks);
    }

    private void add(BookOrder order) {
        (order.side() == Side.BUY ? bids : asks).computeIfAbsent(order.limitPrice(), price -> new ArrayDeque<>())
                .addLast(order);
    }

    private static List<BookOrder> flatten(NavigableMap<BigDecimal, Deque<BookOrder>> side) {
        return side.values().stream().flatMap(Deque::stream).toList();
    }
}
