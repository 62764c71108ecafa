package org.carbonsink.trading.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.carbonsink.trading.matching.BookOrder;
import org.carbonsink.trading.matching.Side;

/**
 * A limit order for {@code quantity} credits at {@code limitPrice} CNY or better. A buy order keeps
 * {@code reservedCash} = unfilled quantity × limit price reserved while it is open (invariant 4).
 */
public record Order(UUID id, String instrumentId, UUID participantId, Side side, long quantity, BigDecimal limitPrice,
        long filledQuantity, BigDecimal reservedCash, OrderStatus status, String rejectionReason, Instant placedAt,
        Instant updatedAt) {

    public long remainingQuantity() {
        return quantity - filledQuantity;
    }

    BookOrder inBook() {
        return new BookOrder(id, participantId, side, remainingQuantity(), limitPrice);
    }

    /** What a buy order of this quantity at this limit reserves. */
    static BigDecimal cost(long quantity, BigDecimal limitPrice) {
        return limitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
