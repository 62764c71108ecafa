package org.carbonsink.trading.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/** Writes every event down as one line, orders and participants named by {@code name}. */
final class RecordedEvents implements BookEvents {

    private final LongFunction<String> orderName;
    private final LongFunction<String> participantName;
    final List<String> lines = new ArrayList<>();

    RecordedEvents(LongFunction<String> orderName, LongFunction<String> participantName) {
        this.orderName = orderName;
        this.participantName = participantName;
    }

    static RecordedEvents numeric() {
        return new RecordedEvents(Long::toString, Long::toString);
    }

    List<String> take() {
        List<String> taken = List.copyOf(lines);
        lines.clear();
        return taken;
    }

    @Override
    public void accepted(long orderId) {
        lines.add("accepted " + orderName.apply(orderId));
    }

    @Override
    public void trade(long takerOrderId, long makerOrderId, long takerParticipant, long makerParticipant,
            Side takerSide, long priceFen, long quantity, boolean makerFilled) {
        lines.add("trade " + orderName.apply(takerOrderId) + " " + takerSide + " by "
                + participantName.apply(takerParticipant) + " from " + orderName.apply(makerOrderId) + " by "
                + participantName.apply(makerParticipant) + " " + quantity + " @ " + priceFen
                + (makerFilled ? " maker filled" : ""));
    }

    @Override
    public void rested(long orderId, long priceFen, long openQuantity) {
        lines.add("rested " + orderName.apply(orderId) + " " + openQuantity + " @ " + priceFen);
    }

    @Override
    public void cancelled(long orderId, long cancelledQuantity, CancelReason reason) {
        lines.add("cancelled " + orderName.apply(orderId) + " " + cancelledQuantity + " " + reason);
    }

    @Override
    public void amended(long orderId, long priceFen, long openQuantity, boolean keptPriority) {
        lines.add("amended " + orderName.apply(orderId) + " " + openQuantity + " @ " + priceFen
                + (keptPriority ? " kept priority" : " lost priority"));
    }

    @Override
    public void rejected(long orderId, RejectReason reason) {
        lines.add("rejected " + orderName.apply(orderId) + " " + reason);
    }

    /** Both sides of a book, bids then asks, best first, one line per order. */
    static List<String> contents(MatchingEngineBook book, LongFunction<String> orderName,
            LongFunction<String> participantName) {
        List<String> rows = new ArrayList<>();
        for (Side side : Side.values()) {
            book.forEachOrder(side, (id, participant, price, open, tif) -> rows.add(side + " " + orderName.apply(id)
                    + " " + participantName.apply(participant) + " " + open + " " + price + " " + tif));
        }
        return rows;
    }
}
