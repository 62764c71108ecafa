package org.carbonsink.trading.trade;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A fill of a buy order against a sell order, at {@code price} CNY per credit. */
public record ExecuteTrade(String instrumentId, UUID buyOrderId, UUID sellOrderId, UUID buyerId, UUID sellerId,
        long quantity, BigDecimal price, Instant executedAt) {
}
