package org.carbonsink.trading.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The reference book: every resting order in one list, scanned in full for the best counter-order at
 * every step. Slow and obviously right; the tests hold {@link FastOrderBook} to it.
 */
public final class NaiveOrderBook extends MarketRules {

    private final List<Resting> orders = new ArrayList<>();
    private long arrivals;

    @Override
    public void place(long orderId, long participant, Side side, OrderType type, TimeInForce tif, long priceFen,
            long quantity, BookEvents events) {
        if (halted) {
            events.rejected(orderId, RejectReason.HALTED);
            return;
        }
        if (find(orderId) != null) {
            events.rejected(orderId, RejectReason.DUPLICATE_ORDER_ID);
            return;
        }
        if (quantity <= 0) {
            events.rejected(orderId, RejectReason.INVALID_QUANTITY);
            return;
        }
        RejectReason refusal = type == OrderType.LIMIT ? refusal(priceFen) : null;
        if (refusal != null) {
            events.rejected(orderId, refusal);
            return;
        }
        events.accepted(orderId);
        long limit = type == OrderType.MARKET ? band.marketLimit(side) : priceFen;
        if (tif == TimeInForce.FOK && tradable(participant, side, limit) < quantity) {
            events.cancelled(orderId, quantity, CancelReason.FOK_UNFILLED);
            return;
        }
        long remaining = match(orderId, participant, side, limit, quantity, events);
        if (remaining == 0) {
            return;
        }
        if (type == OrderType.MARKET) {
            events.cancelled(orderId, remaining, CancelReason.MARKET_REMAINDER);
        } else if (tif == TimeInForce.IOC) {
            events.cancelled(orderId, remaining, CancelReason.IOC_REMAINDER);
        } else {
            orders.add(new Resting(orderId, participant, side, tif, priceFen, remaining, arrivals++));
            events.rested(orderId, priceFen, remaining);
        }
    }

    @Override
    public void cancel(long orderId, BookEvents events) {
        Resting order = find(orderId);
        if (order == null) {
            events.rejected(orderId, RejectReason.UNKNOWN_ORDER);
            return;
        }
        orders.remove(order);
        events.cancelled(orderId, order.open, CancelReason.USER);
    }

    @Override
    public void amend(long orderId, long newPriceFen, long newQuantity, BookEvents events) {
        if (halted) {
            events.rejected(orderId, RejectReason.HALTED);
            return;
        }
        Resting order = find(orderId);
        if (order == null) {
            events.rejected(orderId, RejectReason.UNKNOWN_ORDER);
            return;
        }
        if (newQuantity <= 0) {
            events.rejected(orderId, RejectReason.INVALID_QUANTITY);
            return;
        }
        if (newPriceFen == order.price) {
            boolean keepsPriority = newQuantity <= order.open;
            order.open = newQuantity;
            if (!keepsPriority) {
                order.arrival = arrivals++;
            }
            events.amended(orderId, newPriceFen, newQuantity, keepsPriority);
            return;
        }
        RejectReason refusal = refusal(newPriceFen);
        if (refusal != null) {
            events.rejected(orderId, refusal);
            return;
        }
        orders.remove(order);
        events.amended(orderId, newPriceFen, newQuantity, false);
        long remaining = match(orderId, order.participant, order.side, newPriceFen, newQuantity, events);
        if (remaining > 0) {
            orders.add(new Resting(orderId, order.participant, order.side, order.tif, newPriceFen, remaining,
                    arrivals++));
            events.rested(orderId, newPriceFen, remaining);
        }
    }

    @Override
    public void expireDayOrders(BookEvents events) {
        sessionClosed();
        for (Side side : Side.values()) {
            for (Resting order : sorted(side)) {
                if (order.tif == TimeInForce.DAY) {
                    orders.remove(order);
                    events.cancelled(order.id, order.open, CancelReason.EXPIRED);
                }
            }
        }
    }

    @Override
    public long bestBid() {
        Resting best = best(Side.BUY);
        return best == null ? NO_BID : best.price;
    }

    @Override
    public long bestAsk() {
        Resting best = best(Side.SELL);
        return best == null ? NO_ASK : best.price;
    }

    @Override
    public int orderCount() {
        return orders.size();
    }

    @Override
    public void forEachLevel(Side side, LevelVisitor visitor) {
        List<Resting> sorted = sorted(side);
        int i = 0;
        while (i < sorted.size()) {
            long price = sorted.get(i).price;
            long quantity = 0;
            int count = 0;
            for (; i < sorted.size() && sorted.get(i).price == price; i++) {
                quantity += sorted.get(i).open;
                count++;
            }
            visitor.level(price, quantity, count);
        }
    }

    @Override
    public void forEachOrder(Side side, OrderVisitor visitor) {
        for (Resting order : sorted(side)) {
            visitor.order(order.id, order.participant, order.price, order.open, order.tif);
        }
    }

    @Override
    public boolean contains(long orderId) {
        return find(orderId) != null;
    }

    @Override
    public long openQuantity(long orderId) {
        Resting order = find(orderId);
        return order == null ? 0 : order.open;
    }

    /** Trades the incoming quantity against the best counter-orders its limit accepts; answers what is left. */
    private long match(long orderId, long participant, Side side, long limit, long quantity, BookEvents events) {
        long remaining = quantity;
        Side opposite = opposite(side);
        Resting best = best(opposite);
        while (remaining > 0 && best != null && crosses(side, limit, best.price)) {
            orders.remove(best);
            if (best.participant == participant) {
                events.cancelled(best.id, best.open, CancelReason.SELF_TRADE);
            } else {
                long traded = Math.min(remaining, best.open);
                remaining -= traded;
                best.open -= traded;
                if (best.open > 0) {
                    orders.add(best);
                }
                tradedAt(best.price);
                events.trade(orderId, best.id, participant, best.participant, side, best.price, traded,
                        best.open == 0);
            }
            best = best(opposite);
        }
        return remaining;
    }

    /** What the incoming order could trade now: resting counter-orders at acceptable prices, not its own. */
    private long tradable(long participant, Side side, long limit) {
        long total = 0;
        for (Resting order : orders) {
            if (order.side != side && order.participant != participant && crosses(side, limit, order.price)) {
                total += order.open;
            }
        }
        return total;
    }

    private static boolean crosses(Side incoming, long limit, long restingPrice) {
        return incoming == Side.BUY ? restingPrice <= limit : restingPrice >= limit;
    }

    private Resting find(long orderId) {
        for (Resting order : orders) {
            if (order.id == orderId) {
                return order;
            }
        }
        return null;
    }

    private Resting best(Side side) {
        return orders.stream().filter(o -> o.side == side).min(priority(side)).orElse(null);
    }

    private List<Resting> sorted(Side side) {
        return new ArrayList<>(orders.stream().filter(o -> o.side == side).sorted(priority(side)).toList());
    }

    private static Comparator<Resting> priority(Side side) {
        Comparator<Resting> byPrice = Comparator.comparingLong(o -> o.price);
        return (side == Side.BUY ? byPrice.reversed() : byPrice).thenComparingLong(o -> o.arrival);
    }

    private static Side opposite(Side side) {
        return side == Side.BUY ? Side.SELL : Side.BUY;
    }

    private static final class Resting {
        final long id;
        final long participant;
        final Side side;
        final TimeInForce tif;
        final long price;
        long open;
        long arrival;

        Resting(long id, long participant, Side side, TimeInForce tif, long price, long open, long arrival) {
            this.id = id;
            this.participant = participant;
            this.side = side;
            this.tif = tif;
            this.price = price;
            this.open = open;
            this.arrival = arrival;
        }
    }
}
