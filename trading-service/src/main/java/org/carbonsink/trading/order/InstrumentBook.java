package org.carbonsink.trading.order;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.carbonsink.trading.matching.BookEvents;
import org.carbonsink.trading.matching.FastOrderBook;
import org.carbonsink.trading.matching.MatchingEngineBook;

/**
 * One instrument's book as its writer holds it: the engine's book, the orders resting in it (by engine id
 * and by order id), the instrument's command sequence and its market rules. Only the writer's thread
 * touches it.
 */
final class InstrumentBook {

    final String instrumentId;
    MatchingEngineBook engine = new FastOrderBook();
    /** The last command sequence number applied in memory, and the last one committed. */
    long sequence;
    long committedSequence;
    boolean halted;
    long referenceFen;
    int bandBasisPoints;
    Instant dayOrdersExpiredAt;
    final LiveOrders orders = new LiveOrders();
    private final Map<UUID, Integer> openCount = new HashMap<>();

    InstrumentBook(String instrumentId, long sequence, boolean halted, long referenceFen, int bandBasisPoints,
            Instant dayOrdersExpiredAt) {
        this.instrumentId = instrumentId;
        this.sequence = sequence;
        this.committedSequence = sequence;
        this.halted = halted;
        this.referenceFen = referenceFen;
        this.bandBasisPoints = bandBasisPoints;
        this.dayOrdersExpiredAt = dayOrdersExpiredAt;
    }

    void track(LiveOrder order) {
        orders.put(order);
    }

    void rested(LiveOrder order) {
        openCount.merge(order.participantId, 1, Integer::sum);
    }

    /** The order left the engine's book (or never entered it). */
    void untrack(LiveOrder order, boolean wasResting) {
        orders.remove(order);
        if (wasResting) {
            openCount.computeIfPresent(order.participantId, (p, n) -> n == 1 ? null : n - 1);
        }
    }

    int openOrdersOf(UUID participantId) {
        return openCount.getOrDefault(participantId, 0);
    }

    void applyRules() {
        engine.setReferencePrice(referenceFen);
        engine.setBandBasisPoints(bandBasisPoints);
        if (halted) {
            engine.halt();
        } else {
            engine.resume();
        }
    }

    /**
     * A fresh engine book holding the resting orders in book priority. Orders rest without the band
     * (it was checked when they arrived) and before any halt. Normally nothing crosses; an order given
     * back its quantity by a failed delivery may, and then trades as the later order arrives, as it would
     * have had the quantity never left.
     */
    void rebuild(BookEvents events, Consumer<LiveOrder> afterEach) {
        List<LiveOrder> resting = orders.all();
        resting.removeIf(order -> !order.inBook());
        resting.sort(Comparator.comparingLong(o -> o.bookPriority));
        long previousClose = engine.previousClose();
        long lastTrade = engine.lastTradePrice();
        engine = new FastOrderBook();
        // the prices the band falls back on survive the rebuild; the close is set after the orders rest
        // so that it does not refuse them (they passed the band when they arrived)
        engine.setLastTradePrice(lastTrade);
        for (LiveOrder order : resting) {
            if (order.inBook()) {
                engine.place(order.engineId, order.participantKey, order.side, order.type, order.timeInForce,
                        order.priceFen, order.open(), events);
                afterEach.accept(order);
            }
        }
        engine.setPreviousClose(previousClose);
        applyRules();
    }
}
