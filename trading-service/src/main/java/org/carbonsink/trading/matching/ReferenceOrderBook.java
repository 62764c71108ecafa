package org.carbonsink.trading.matching;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The naive book: one list in arrival order, searched in full for the best counter-order at every
 * step. Slow and obviously right; the reference the tests hold {@link PriceLevelOrderBook} to.
 */
public final class ReferenceOrderBook implements OrderBook {

    private final Clock clock;
    private final List<Resting> orders = new ArrayList<>();
    private long arrivals;

    public ReferenceOrderBook(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<Fill> place(BookOrder order) {
        List<Fill> fills = new ArrayList<>();
        long remaining = order.quantity();
        Optional<Resting> best = best(opposite(order.side()));
        while (remaining > 0 && best.isPresent() && order.accepts(best.get().order.limitPrice())) {
            Resting resting = best.get();
            long quantity = Math.min(remaining, resting.order.quantity());
            fills.add(Fills.between(order, resting.order, quantity, clock.instant()));
            remaining -= quantity;
            orders.remove(resting);
            if (resting.order.quantity() > quantity) {
                orders.add(new Resting(resting.order.withQuantity(resting.order.quantity() - quantity), resting.arrival));
            }
            best = best(opposite(order.side()));
        }
        if (remaining > 0) {
            orders.add(new Resting(order.withQuantity(remaining), arrivals++));
        }
        return fills;
    }

    @Override
    public void rest(BookOrder order) {
        best(opposite(order.side())).filter(resting -> order.accepts(resting.order.limitPrice())).ifPresent(resting -> {
            throw new IllegalStateException("order " + order.id() + " at " + order.limitPrice()
                    + " crosses the book at " + resting.order.limitPrice());
        });
        orders.add(new Resting(order, arrivals++));
    }

    @Override
    public List<BookOrder> bids() {
        return sorted(Side.BUY);
    }

    @Override
    public List<BookOrder> asks() {
        return sorted(Side.SELL);
    }

    private Optional<Resting> best(Side side) {
        return orders.stream().filter(r -> r.order.side() == side).min(priority(side));
    }

    private List<BookOrder> sorted(Side side) {
        return orders.stream().filter(r -> r.order.side() == side).sorted(priority(side)).map(r -> r.order).toList();
    }

    private static Comparator<Resting> priority(Side side) {
        Comparator<Resting> byPrice = Comparator.comparing(r -> r.order.limitPrice());
        return (side == Side.BUY ? byPrice.reversed() : byPrice).thenComparingLong(r -> r.arrival);
    }

    private static Side opposite(Side side) {
        return side == Side.BUY ? Side.SELL : Side.BUY;
    }

    private record Resting(BookOrder order, long arrival) {
    }
}
