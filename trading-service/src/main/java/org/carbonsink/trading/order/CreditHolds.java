package org.carbonsink.trading.order;

import org.carbonsink.trading.instrument.Instrument;

/** Asks the registry to hold a sell order's credits in the seller's account, and to let them go. */
public interface CreditHolds {

    /** Called in the transaction that saves the order, so the request and the order commit together. */
    void request(Order sellOrder, Instrument instrument);

    /** Gives {@code quantity} of the sell order's held credits back to the seller. */
    void release(Order sellOrder, long quantity);
}
