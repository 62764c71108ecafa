package org.carbonsink.trading.auction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.trading.cash.CashAccounts;
import org.carbonsink.trading.instrument.Instruments;
import org.carbonsink.trading.offbook.ListedInstruments;
import org.carbonsink.trading.order.Traders;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a bid while the auction's window is open: at least the floor price, at most the quantity
 * offered, never by the seller, with quantity × price of the bidder's cash reserved (invariant 4).
 * Locks: the auction (shared, so bids do not wait for each other but a close waits for them), then
 * the bidder's cash account.
 */
@Component
public class PlacingBid {

    private final Auctions auctions;
    private final Bids bids;
    private final CashAccounts accounts;
    private final Clock clock;
    private final Traders traders;
    private final Instruments instruments;

    PlacingBid(Auctions auctions, Bids bids, CashAccounts accounts, Clock clock, Traders traders,
            Instruments instruments) {
        this.instruments = instruments;
        this.auctions = auctions;
        this.bids = bids;
        this.accounts = accounts;
        this.clock = clock;
        this.traders = traders;
    }

    @Transactional
    public Bid place(PlaceBid command) {
        traders.requireTrading(command.bidderId());
        Auction auction = auctions.lock(command.auctionId(), false)
                .orElseThrow(() -> ProblemException.notFound("auction", command.auctionId()));
        Instant now = Instant.now(clock);
        requireTakingBids(auction, now);
        ListedInstruments.requireTrading(instruments, auction.instrumentId());
        if (auction.sellerId().equals(command.bidderId())) {
            throw ProblemException.rule("own-auction", "Bid in one's own auction",
                    "the seller of auction " + auction.id() + " cannot bid in it");
        }
        BigDecimal price = command.price().setScale(2, RoundingMode.UNNECESSARY);
        if (price.compareTo(auction.floorPrice()) < 0) {
            throw ProblemException.rule("bid-below-floor", "Bid below the floor price",
                    "a bid in auction " + auction.id() + " is at least the floor price " + auction.floorPrice()
                            + " CNY, not " + price).with("floorPrice", auction.floorPrice()).with("price", price);
        }
        if (command.quantity() > auction.quantity()) {
            throw ProblemException.rule("bid-exceeds-offer", "Bid above the quantity offered",
                    "auction " + auction.id() + " offers " + auction.quantity() + " credits, not " + command.quantity())
                    .with("offeredQuantity", auction.quantity()).with("quantity", command.quantity());
        }
        BigDecimal reserved = price.multiply(BigDecimal.valueOf(command.quantity()));
        accounts.reserveOrRefuse(command.bidderId(), reserved, "the bid");
        Bid bid = new Bid(UUID.randomUUID(), auction.id(), command.bidderId(), command.quantity(), price, reserved,
                BidStatus.OPEN, 0, null, now);
        bids.add(bid);
        return bid;
    }

    private static void requireTakingBids(Auction auction, Instant now) {
        if (auction.status() == AuctionStatus.PENDING_HOLD) {
            throw ProblemException.conflict("auction-awaiting-hold", "Auction awaiting hold",
                    "the registry has not yet confirmed the seller's credits for auction " + auction.id());
        }
        if (auction.status() != AuctionStatus.OPEN || !now.isBefore(auction.endsAt())) {
            throw ProblemException.conflict("auction-window-closed", "Auction closed to bids",
                    "auction " + auction.id() + " took bids until " + auction.endsAt() + "; it is " + auction.status())
                    .with("endsAt", auction.endsAt());
        }
        if (now.isBefore(auction.startsAt())) {
            throw ProblemException.conflict("auction-not-started", "Auction not started",
                    "auction " + auction.id() + " takes bids from " + auction.startsAt())
                    .with("startsAt", auction.startsAt());
        }
    }
}
