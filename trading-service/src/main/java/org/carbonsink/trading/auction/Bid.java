package org.carbonsink.trading.auction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A bid for {@code quantity} credits at {@code price} CNY each; while open it keeps quantity × price reserved. */
public record Bid(UUID id, UUID auctionId, UUID bidderId, long quantity, BigDecimal price, BigDecimal reservedCash,
        BidStatus status, long allocatedQuantity, UUID tradeId, Instant placedAt) {
}
