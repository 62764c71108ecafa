package org.carbonsink.trading.order;

public enum OrderStatus {
    /** A sell order waiting for the registry to hold its credits; not in the book. */
    PENDING_HOLD,
    /** In the book, possibly partly filled. */
    OPEN,
    FILLED,
    /**
     * The registry would not hold the credits of a sell order, or the book would not take it once they were held
     * (halted, outside a band set since, or its owner at the open-order cap); its credits were released.
     */
    REJECTED,
    /** Its owner cancelled it; what was not filled left the book, its cash or credits were freed. */
    CANCELLED
}
