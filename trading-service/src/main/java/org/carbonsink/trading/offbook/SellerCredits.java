package org.carbonsink.trading.offbook;

import java.util.UUID;
import org.carbonsink.trading.instrument.Instrument;

/** Asks the registry to hold a seller's credits under an off-book hold id, and to give them back. */
public interface SellerCredits {

    /** Called in the transaction that records the deal, so the request and the deal commit together. */
    void hold(UUID holdId, Instrument instrument, UUID sellerId, long quantity);

    /** Gives {@code quantity} of the credits held under {@code holdId} back to the seller. */
    void release(UUID holdId, String instrumentId, long quantity);
}
