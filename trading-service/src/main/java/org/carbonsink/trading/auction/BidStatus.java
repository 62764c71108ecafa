package org.carbonsink.trading.auction;

public enum BidStatus {
    /** Waiting for the close, its cash reserved. */
    OPEN,
    /** Allocated its whole quantity, traded at its own price. */
    WON,
    /** Allocated part of its quantity (the last winner); the rest of its cash was released. */
    PARTLY_WON,
    /** Allocated nothing; its cash was released. */
    LOST
}
