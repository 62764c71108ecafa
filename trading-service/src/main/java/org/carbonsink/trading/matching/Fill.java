package org.carbonsink.trading.matching;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Two orders traded {@code quantity} credits at {@code price}, the resting order's limit.
 * {@code incomingOrderId} names the order that crossed the book (equal to the buy or the sell order id).
 */
public record Fill(UUID buyOrderId, UUID sellOrderId, UUID buyerId, UUID sellerId, UUID incomingOrderId,
        long quantity, BigDecimal price, Instant executedAt) {
}
