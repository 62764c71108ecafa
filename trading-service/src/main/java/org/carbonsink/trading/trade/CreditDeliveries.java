package org.carbonsink.trading.trade;

import org.carbonsink.support.jdbc.Pipeline;

/** Asks the registry to deliver a trade's credits from the seller's hold to the buyer. */
public interface CreditDeliveries {

    /**
     * Called in the transaction that records the trade, so the request and the trade commit together: the
     * request's statement is added to {@code writes}, which the caller runs in that transaction.
     */
    void request(Pipeline writes, Trade trade);
}
