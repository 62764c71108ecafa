package org.carbonsink.trading.auction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A seller's offer of {@code quantity} credits to bids of at least {@code floorPrice} CNY each,
 * taken from {@code startsAt} until {@code endsAt}. Its id is also the registry hold of the credits.
 */
public record Auction(UUID id, String instrumentId, UUID sellerId, long quantity, BigDecimal floorPrice,
        Instant startsAt, Instant endsAt, AuctionStatus status, String reason, long allocatedQuantity,
        Instant announcedAt, Instant closedAt) {
}
