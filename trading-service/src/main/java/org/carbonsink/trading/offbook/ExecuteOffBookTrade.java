package org.carbonsink.trading.offbook;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code quantity} credits held under {@code holdId} go from the seller to the buyer at {@code price}
 * CNY each; the buyer's cash for quantity × price is already reserved.
 */
public record ExecuteOffBookTrade(Venue venue, UUID holdId, String instrumentId, UUID buyerId, UUID sellerId,
        long quantity, BigDecimal price, Instant executedAt) {
}
