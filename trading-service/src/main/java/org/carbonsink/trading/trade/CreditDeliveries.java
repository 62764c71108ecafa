package org.carbonsink.trading.trade;

/** Asks the registry to deliver a trade's credits from the seller's hold to the buyer. */
public interface CreditDeliveries {

    /** Called in the transaction that records the trade, so the request and the trade commit together. */
    void request(Trade trade);
}
