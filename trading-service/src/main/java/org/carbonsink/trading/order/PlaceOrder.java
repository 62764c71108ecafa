package org.carbonsink.trading.order;

import java.math.BigDecimal;
import java.util.UUID;
import org.carbonsink.trading.matching.Side;

/** A limit order: {@code quantity} credits of the instrument at {@code limitPrice} CNY each or better. */
public record PlaceOrder(UUID participantId, String instrumentId, Side side, long quantity, BigDecimal limitPrice) {
}
