package org.carbonsink.trading.trade;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code quantity} credits from the seller to the buyer at {@code price} CNY each; {@code amount} = quantity × price.
 * A FAILED trade has a {@code failureCode} for everyone and a {@code failureReason} for its parties ({@link TradeFailure}).
 */
public record Trade(UUID id, String instrumentId, UUID buyOrderId, UUID sellOrderId, UUID buyerId, UUID sellerId,
        long quantity, BigDecimal price, BigDecimal amount, String currency, TradeStatus status, String failureReason,
        Instant executedAt, Instant closedAt, String failureCode) {

    /** A trade that has not failed. */
    public Trade(UUID id, String instrumentId, UUID buyOrderId, UUID sellOrderId, UUID buyerId, UUID sellerId,
            long quantity, BigDecimal price, BigDecimal amount, String currency, TradeStatus status,
            String failureReason, Instant executedAt, Instant closedAt) {
        this(id, instrumentId, buyOrderId, sellOrderId, buyerId, sellerId, quantity, price, amount, currency, status,
                failureReason, executedAt, closedAt, null);
    }

    /** Whether the participant is the trade's buyer or seller. */
    public boolean isParty(UUID participant) {
        return participant.equals(buyerId) || participant.equals(sellerId);
    }
}
