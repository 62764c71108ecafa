package org.carbonsink.trading.auction.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.carbonsink.trading.auction.Bid;
import org.carbonsink.trading.auction.BidStatus;

public record BidView(UUID id, UUID auctionId, UUID bidderId, long quantity, BigDecimal price,
        BigDecimal reservedCash, BidStatus status, long allocatedQuantity, UUID tradeId, Instant placedAt) {

    static BidView of(Bid b) {
        return new BidView(b.id(), b.auctionId(), b.bidderId(), b.quantity(), b.price(), b.reservedCash(), b.status(),
                b.allocatedQuantity(), b.tradeId(), b.placedAt());
    }
}
