package org.carbonsink.trading.auction;

import java.math.BigDecimal;
import java.util.UUID;

/** A bid for {@code quantity} credits of the auction at {@code price} CNY each. */
public record PlaceBid(UUID auctionId, UUID bidderId, long quantity, BigDecimal price) {
}
