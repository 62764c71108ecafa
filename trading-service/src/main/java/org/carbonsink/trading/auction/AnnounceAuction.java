package org.carbonsink.trading.auction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The seller offers {@code quantity} credits to bids of at least {@code floorPrice} from {@code startsAt} (null: now) until {@code endsAt}. */
public record AnnounceAuction(UUID sellerId, String instrumentId, long quantity, BigDecimal floorPrice, Instant startsAt,
        Instant endsAt) {
}
