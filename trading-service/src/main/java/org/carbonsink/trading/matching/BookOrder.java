package org.carbonsink.trading.matching;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/** A limit order as the book sees it; {@code quantity} is what is still open. */
public record BookOrder(UUID id, UUID participantId, Side side, long quantity, BigDecimal limitPrice) {

    public BookOrder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(limitPrice, "limitPrice");
        if (quantity < 1) {
            throw new IllegalArgumentException("an order in the book has at least 1 credit open, not " + quantity);
        }
        if (limitPrice.signum() <= 0) {
            throw new IllegalArgumentException("a limit price is positive, not " + limitPrice);
        }
    }

    /** Whether this order would trade with a resting order at {@code price}. */
    boolean accepts(BigDecimal price) {
        int comparison = price.compareTo(limitPrice);
        return side == Side.BUY ? comparison <= 0 : comparison >= 0;
    }

    BookOrder withQuantity(long remaining) {
        return new BookOrder(id, participantId, side, remaining, limitPrice);
    }
}
