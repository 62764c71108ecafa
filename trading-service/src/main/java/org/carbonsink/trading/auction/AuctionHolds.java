package org.carbonsink.trading.auction;

import java.util.UUID;
import org.carbonsink.trading.offbook.HoldOwner;
import org.carbonsink.trading.offbook.SellerCredits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The registry's answers on the holds of auctions, whose hold id is the auction id. */
@Component
class AuctionHolds implements HoldOwner {

    private static final Logger log = LoggerFactory.getLogger(AuctionHolds.class);

    private final Auctions auctions;
    private final SellerCredits credits;

    AuctionHolds(Auctions auctions, SellerCredits credits) {
        this.auctions = auctions;
        this.credits = credits;
    }

    @Override
    public boolean held(UUID holdId, long quantity) {
        Auction auction = auctions.lock(holdId, true).orElse(null);
        if (auction == null) {
            return false;
        }
        if (auction.status() == AuctionStatus.PENDING_HOLD) {
            // invariant 4: the auction sells exactly what is held for it
            if (quantity != auction.quantity()) {
                throw new IllegalStateException("registry held " + quantity + " credits for auction " + auction.id()
                        + " of " + auction.quantity());
            }
            auctions.move(holdId, AuctionStatus.PENDING_HOLD, AuctionStatus.OPEN, null);
        } else if (auction.status() == AuctionStatus.CLOSED) {
            // closed while the hold was on its way: the close already asked for the credits back
            log.info("auction {} closed before its hold was confirmed; the release is on its way", holdId);
        } else {
            log.warn("auction {} is already {}; hold confirmation ignored", holdId, auction.status());
        }
        return true;
    }

    @Override
    public boolean rejected(UUID holdId, String reason) {
        Auction auction = auctions.lock(holdId, true).orElse(null);
        if (auction == null) {
            return false;
        }
        String why = reason == null || reason.isBlank() ? "credits not held" : reason;
        if (!auctions.move(holdId, AuctionStatus.PENDING_HOLD, AuctionStatus.HOLD_REJECTED, why)) {
            log.warn("auction {} is already {}; hold rejection ignored", holdId, auction.status());
        }
        return true;
    }

    @Override
    public boolean deliveryFailed(UUID holdId, UUID tradeId, long quantity) {
        Auction auction = auctions.find(holdId).orElse(null);
        if (auction == null) {
            return false;
        }
        // the winner's cash is released with the failed trade; the seller gets these credits back
        credits.release(holdId, auction.instrumentId(), quantity);
        return true;
    }
}
