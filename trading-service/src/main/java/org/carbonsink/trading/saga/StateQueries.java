package org.carbonsink.trading.saga;

import java.util.UUID;

/** Asks the registry for the state of a saga; its answer comes back as an event. */
public interface StateQueries {

    /** Called in the transaction that records the ask. */
    void askHold(UUID holdId, String instrumentId);

    /** Called in the transaction that records the ask. */
    void askDelivery(UUID tradeId, String instrumentId);
}
