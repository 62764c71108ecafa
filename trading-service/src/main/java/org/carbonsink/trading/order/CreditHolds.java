package org.carbonsink.trading.order;

import org.carbonsink.support.jdbc.Pipeline;
import org.carbonsink.trading.instrument.Instrument;

/** Asks the registry to hold a sell order's credits in the seller's account, and to let them go. */
public interface CreditHolds {

    /** Called in the transaction that saves the order, so the request and the order commit together. */
    void request(Order sellOrder, Instrument instrument);

    /**
     * Gives {@code quantity} of the sell order's held credits back to the seller: the request's statement is
     * added to {@code writes}, which the caller runs in its transaction.
     */
    void release(Pipeline writes, Order sellOrder, long quantity);
}
