package org.carbonsink.trading.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.carbonsink.trading.matching.CancelReason;
import org.carbonsink.trading.matching.OrderType;
import org.carbonsink.trading.matching.Side;
import org.carbonsink.trading.matching.TimeInForce;
import org.carbonsink.trading.order.Orders.OrderRow;

/**
 * An order while its instrument's writer works on it: in the book, or taking part in the batch being
 * applied. Money in fen. Only the writer's thread touches it.
 */
final class LiveOrder {

    final long engineId;
    final UUID id;
    final String instrumentId;
    final UUID participantId;
    final long participantKey;
    final Side side;
    final OrderType type;
    final TimeInForce timeInForce;
    final Instant placedAt;
    /** The limit price in fen; 0 for a market order. */
    long priceFen;
    /** What a buy order reserves per unfilled credit: its limit, or for a market order the worst price it may pay. */
    long unitFen;
    long quantity;
    long filled;
    /** Cash still reserved for the unfilled part of a buy order, in fen. */
    long reservedFen;
    OrderStatus status;
    CancelReason cancelReason;
    String rejectionReason;
    /** The command sequence number that gave the order its place in the book; 0 before it rests. */
    long bookPriority;
    /** Whether its row exists in the database (a sell order opening after its hold) or must be inserted. */
    boolean saved;

    LiveOrder(long engineId, UUID id, String instrumentId, UUID participantId, long participantKey, Side side,
            OrderType type, TimeInForce timeInForce, Instant placedAt, long priceFen, long quantity, boolean saved) {
        this.engineId = engineId;
        this.id = id;
        this.instrumentId = instrumentId;
        this.participantId = participantId;
        this.participantKey = participantKey;
        this.side = side;
        this.type = type;
        this.timeInForce = timeInForce;
        this.placedAt = placedAt;
        this.priceFen = priceFen;
        this.unitFen = priceFen;
        this.quantity = quantity;
        this.saved = saved;
    }

    long open() {
        return quantity - filled;
    }

    boolean inBook() {
        return status == OrderStatus.OPEN;
    }

    Order snapshot(Instant at) {
        return new Order(id, instrumentId, participantId, side, type, timeInForce, quantity, price(), filled,
                Money.of(reservedFen), status, rejectionReason, cancelReason, placedAt, at);
    }

    OrderRow row(Instant at) {
        return new OrderRow(id, instrumentId, participantId, side, type, timeInForce, quantity, price(), filled,
                Money.of(reservedFen), status, rejectionReason, cancelReason, bookPriority > 0 ? bookPriority : null, at);
    }

    /**
     * The row {@link #row} gives, as a binary COPY row of {@code exchange_order} with its {@code requestHash} (the
     * columns of BatchJournal's copy), written from the order's fields without the row's BigDecimals.
     */
    void copyRow(CopyRows rows, Instant at, String requestHash) {
        rows.row(17).uuid(id).text(instrumentId).uuid(participantId).text(side.name()).text(type.name())
                .text(timeInForce.name()).int8(quantity);
        if (type == OrderType.MARKET) {
            rows.nul();
        } else {
            rows.numeric(priceFen, 2);
        }
        rows.int8(filled).numeric(reservedFen, 2).text(status.name()).text(rejectionReason)
                .text(cancelReason == null ? null : cancelReason.name());
        if (bookPriority > 0) {
            rows.int8(bookPriority);
        } else {
            rows.nul();
        }
        rows.timestamp(at).timestamp(at).text(requestHash);
    }

    private BigDecimal price() {
        return type == OrderType.MARKET ? null : Money.of(priceFen);
    }
}
