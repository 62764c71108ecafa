package org.carbonsink.trading.auction;

public enum AuctionStatus {
    /** Announced; the registry has not yet confirmed the hold of the seller's credits. */
    PENDING_HOLD,
    /** The credits are held; bids are taken between the start and the end of the window. */
    OPEN,
    /** The registry would not hold the seller's credits. */
    HOLD_REJECTED,
    /** Allocated: the winning bids traded, the rest of the quantity went back to the seller. */
    CLOSED
}
