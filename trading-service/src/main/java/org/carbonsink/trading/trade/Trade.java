package org.carbonsink.trading.trade;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** {@code quantity} credits from the seller to the buyer at {@code price} CNY each; {@code amount} = quantity × price. */
public record Trade(UUID id, String instrumentId, UUID buyOrderId, UUID sellOrderId, UUID buyerId, UUID sellerId,
        long quantity, BigDecimal price, BigDecimal amount, String currency, TradeStatus status, String failureReason,
        Instant executedAt, Instant closedAt) {
}
