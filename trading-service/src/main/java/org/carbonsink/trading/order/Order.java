package org.carbonsink.trading.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.carbonsink.trading.matching.CancelReason;
import org.carbonsink.trading.matching.OrderType;
import org.carbonsink.trading.matching.Side;
import org.carbonsink.trading.matching.TimeInForce;

/**
 * An order for {@code quantity} credits: a limit order at {@code limitPrice} CNY or better, or a market
 * order ({@code limitPrice} null) at what the book offers within the band. A buy order keeps
 * {@code reservedCash} reserved for its unfilled part while it is in the book (invariant 4).
 * {@code cancelReason} says why a CANCELLED order left the book unfilled.
 */
public record Order(UUID id, String instrumentId, UUID participantId, Side side, OrderType type, TimeInForce timeInForce,
        long quantity, BigDecimal limitPrice, long filledQuantity, BigDecimal reservedCash, OrderStatus status,
        String rejectionReason, CancelReason cancelReason, Instant placedAt, Instant updatedAt) {

    /**
     * What the order may still trade (FIX's LeavesQty): quantity − filled while it is OPEN or waits for its
     * hold, 0 once it is closed (FILLED, CANCELLED, REJECTED): a cancelled remainder is not remaining.
     */
    public long remainingQuantity() {
        return status == OrderStatus.OPEN || status == OrderStatus.PENDING_HOLD ? quantity - filledQuantity : 0;
    }
}
