package org.carbonsink.trading.matching;

/** Why a command changed nothing. */
public enum RejectReason {
    /** Cancel or amend of an order that is not resting in the book (never placed, filled or cancelled). */
    UNKNOWN_ORDER,
    /** Place with the id of an order that is still resting in the book. */
    DUPLICATE_ORDER_ID,
    /** A quantity of 0 or less. */
    INVALID_QUANTITY,
    /** A limit price of 0 fen or less. */
    INVALID_PRICE,
    /** A limit price outside the band around the reference price. */
    PRICE_OUTSIDE_BAND,
    /** The instrument is halted: no place and no amend until it resumes. */
    HALTED
}
