package org.carbonsink.trading.auction;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.trading.cash.CashAccounts;
import org.carbonsink.trading.offbook.ExecuteOffBookTrade;
import org.carbonsink.trading.offbook.ExecutingOffBookTrade;
import org.carbonsink.trading.offbook.SellerCredits;
import org.carbonsink.trading.offbook.Venue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closes an auction whose window has ended: the quantity goes to the open bids by price, then time
 * ({@link Allocation}); each winner trades at its own bid price (pay-as-bid), keeping allocated ×
 * price of its reservation for the trade; the rest of every bid's cash is released; what no bid took
 * goes back to the seller. Idempotent: a closed auction is answered as it is. Locks: the auction,
 * its bids, the bidders' cash accounts in id order, then the outbox keys of the trades.
 */
@Component
public class ClosingAuction {

    private final Auctions auctions;
    private final Bids bids;
    private final CashAccounts accounts;
    private final ExecutingOffBookTrade executing;
    private final SellerCredits credits;
    private final Clock clock;

    ClosingAuction(Auctions auctions, Bids bids, CashAccounts accounts, ExecutingOffBookTrade executing,
            SellerCredits credits, Clock clock) {
        this.auctions = auctions;
        this.bids = bids;
        this.accounts = accounts;
        this.executing = executing;
        this.credits = credits;
        this.clock = clock;
    }

    @Transactional
    public Auction close(CloseAuction command) {
        Auction auction = auctions.lock(command.auctionId(), true)
                .orElseThrow(() -> ProblemException.notFound("auction", command.auctionId()));
        Instant now = Instant.now(clock);
        if (auction.status() == AuctionStatus.CLOSED || auction.status() == AuctionStatus.HOLD_REJECTED) {
            return auction;
        }
        if (now.isBefore(auction.endsAt())) {
            throw ProblemException.conflict("auction-window-open", "Auction still open",
                    "auction " + auction.id() + " takes bids until " + auction.endsAt() + " and closes then")
                    .with("endsAt", auction.endsAt());
        }
        // an auction whose hold is still unconfirmed took no bids; its credits go back now (below)
        List<Bid> open = auction.status() == AuctionStatus.OPEN ? bids.lockOpenInPriority(auction.id()) : List.of();
        List<Long> allocation = Allocation.of(auction.quantity(), open);
        // cash first, per bidder in id order, as placing an order takes it before publishing: so a close
        // and an order never wait for each other's cash row and outbox key in opposite orders
        Map<UUID, BigDecimal> released = new TreeMap<>();
        for (int i = 0; i < open.size(); i++) {
            Bid bid = open.get(i);
            released.merge(bid.bidderId(), bid.price().multiply(BigDecimal.valueOf(bid.quantity() - allocation.get(i))),
                    BigDecimal::add);
        }
        released.forEach((bidder, amount) -> {
            if (amount.signum() > 0) {
                accounts.release(bidder, amount);
            }
        });
        long allocated = 0;
        for (int i = 0; i < open.size(); i++) {
            Bid bid = open.get(i);
            long share = allocation.get(i);
            UUID tradeId = null;
            if (share > 0) {
                tradeId = executing.execute(new ExecuteOffBookTrade(Venue.AUCTION, auction.id(), auction.instrumentId(),
                        bid.bidderId(), auction.sellerId(), share, bid.price(), now));
            }
            bids.decide(bid.id(), share == 0 ? BidStatus.LOST : share == bid.quantity() ? BidStatus.WON
                    : BidStatus.PARTLY_WON, share, tradeId);
            allocated += share;
        }
        // also when the hold is still unconfirmed: the release follows the hold request on its topic and
        // key, so the registry lets go of the hold or refuses it for good, and no lost answer strands it
        if (allocated < auction.quantity()) {
            credits.release(auction.id(), auction.instrumentId(), auction.quantity() - allocated);
        }
        auctions.close(auction.id(), allocated, now);
        return auctions.find(auction.id()).orElseThrow();
    }
}
