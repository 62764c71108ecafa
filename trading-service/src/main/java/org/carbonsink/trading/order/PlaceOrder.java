package org.carbonsink.trading.order;

import java.math.BigDecimal;
import java.util.UUID;
import org.carbonsink.trading.matching.OrderType;
import org.carbonsink.trading.matching.Side;
import org.carbonsink.trading.matching.TimeInForce;

/**
 * An order of {@code quantity} credits of the instrument: a limit order at {@code limitPrice} CNY each
 * or better, or a market order ({@code limitPrice} null).
 */
public record PlaceOrder(UUID participantId, String instrumentId, Side side, OrderType type, TimeInForce timeInForce,
        long quantity, BigDecimal limitPrice) {
}
