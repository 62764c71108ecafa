package org.carbonsink.trading.offbook;

import java.math.BigDecimal;
import java.util.UUID;

/** Asks the registry to deliver an off-book trade's credits from its hold to the buyer. */
public interface OffBookDeliveries {

    /** Called in the transaction that records the trade. */
    void request(UUID tradeId, UUID holdId, String instrumentId, UUID sellerId, UUID buyerId, long quantity,
            BigDecimal price);
}
