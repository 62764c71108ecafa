package org.carbonsink.trading.order.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.carbonsink.trading.matching.CancelReason;
import org.carbonsink.trading.matching.OrderType;
import org.carbonsink.trading.matching.Side;
import org.carbonsink.trading.matching.TimeInForce;
import org.carbonsink.trading.order.Order;
import org.carbonsink.trading.order.OrderStatus;
import org.carbonsink.trading.order.Orders;

public record OrderView(UUID id, String instrumentId, UUID participantId, Side side, OrderType type,
        TimeInForce timeInForce, long quantity, BigDecimal limitPrice, long filledQuantity, long remainingQuantity,
        BigDecimal averagePrice, BigDecimal reservedCash, OrderStatus status, String rejectionReason, CancelReason cancelReason,
        Instant placedAt, Instant updatedAt) {

    /** {@code averagePrice}: of the order's trades that did not fail ({@link Orders#averagePrices}); null without one. */
    static OrderView of(Order o, BigDecimal averagePrice) {
        return new OrderView(o.id(), o.instrumentId(), o.participantId(), o.side(), o.type(), o.timeInForce(),
                o.quantity(), o.limitPrice(), o.filledQuantity(), o.remainingQuantity(), averagePrice, o.reservedCash(),
                o.status(),
                o.rejectionReason(), o.cancelReason(), o.placedAt(), o.updatedAt());
    }
}
