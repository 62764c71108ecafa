package org.carbonsink.trading.blocktrade;

public enum BlockTradeStatus {
    /** Proposed; the registry has not yet confirmed the hold of the seller's credits. */
    PENDING_HOLD,
    /** The seller's credits are held; the buyer may accept or decline until it expires. */
    PROPOSED,
    /** The registry would not hold the seller's credits. */
    HOLD_REJECTED,
    /** The buyer declined. */
    DECLINED,
    /** The seller withdrew the proposal. */
    CANCELLED,
    /** Nobody accepted before {@code expiresAt}. */
    EXPIRED,
    /** Accepted: a trade was made; its own status says whether it settled. */
    EXECUTED;

    boolean open() {
        return this == PENDING_HOLD || this == PROPOSED;
    }
}
