package org.carbonsink.trading.trade;

public enum TradeStatus {
    /** Matched; the buyer's cash is reserved and the registry is asked to deliver the credits. */
    PENDING_DELIVERY,
    /** Credits delivered to the buyer, cash paid to the seller. */
    SETTLED,
    /** The registry could not deliver; the buyer's cash was released and no leg moved. */
    FAILED
}
