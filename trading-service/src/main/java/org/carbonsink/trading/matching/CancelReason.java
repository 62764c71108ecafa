package org.carbonsink.trading.matching;

/** Why an order, or what was left of it, left the book without trading. */
public enum CancelReason {
    /** The owner cancelled it. */
    USER,
    /** An IOC limit order traded what it could; the rest never rests. */
    IOC_REMAINDER,
    /** A FOK order could not be filled in full at once, so nothing of it traded. */
    FOK_UNFILLED,
    /** A market order traded what the book offered within the band; the rest never rests. */
    MARKET_REMAINDER,
    /** A resting order would have traded with an incoming order of its own participant. */
    SELF_TRADE,
    /** A DAY order was still open at the session close. */
    EXPIRED,
    /**
     * A resting buy order of a participant the registry could not deliver a trade to (it has no registry
     * account): its trades would fail the same way. The service decides this, never the book.
     */
    UNDELIVERABLE
}
