package org.carbonsink.trading.blocktrade;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.carbonsink.trading.trade.TradeStatus;

/**
 * A block agreement between a seller and a named buyer: {@code quantity} credits at {@code price} CNY
 * each, {@code amount} = quantity × price. Its id is also the registry hold of the seller's credits.
 * {@code tradeStatus} is the status of its trade once executed.
 */
public record BlockTrade(UUID id, String instrumentId, UUID sellerId, UUID buyerId, long quantity, BigDecimal price,
        BigDecimal amount, BigDecimal referencePrice, BlockTradeStatus status, String reason, UUID tradeId,
        TradeStatus tradeStatus, Instant expiresAt, Instant proposedAt, Instant updatedAt) {

    public boolean involves(UUID participantId) {
        return sellerId.equals(participantId) || buyerId.equals(participantId);
    }
}
