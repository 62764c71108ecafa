package org.carbonsink.trading.auction.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.carbonsink.trading.auction.Auction;
import org.carbonsink.trading.auction.AuctionStatus;

/** An auction as bidders see it: who sells is not disclosed. */
public record AuctionView(UUID id, String instrumentId, long quantity, BigDecimal floorPrice, Instant startsAt,
        Instant endsAt, AuctionStatus status, String reason, long allocatedQuantity, Instant announcedAt,
        Instant closedAt) {

    static AuctionView of(Auction a) {
        return new AuctionView(a.id(), a.instrumentId(), a.quantity(), a.floorPrice(), a.startsAt(), a.endsAt(),
                a.status(), a.reason(), a.allocatedQuantity(), a.announcedAt(), a.closedAt());
    }
}
