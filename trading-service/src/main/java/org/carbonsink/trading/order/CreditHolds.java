package org.carbonsink.trading.order;

import org.carbonsink.trading.instrument.Instrument;

/** Asks the registry to hold a sell order's credits in the seller's account. */
public interface CreditHolds {

    /** Called in the transaction that saves the order, so the request and the order commit together. */
    void request(Order sellOrder, Instrument instrument);
}
