package org.carbonsink.trading.offbook;

import java.util.UUID;

/**
 * A trading mode that asks the registry to hold credits under its own hold ids. Each method answers
 * false, changing nothing, when the hold is not this owner's. Called in the transaction that applies
 * the registry's event.
 */
public interface HoldOwner {

    /** The registry holds {@code quantity} credits under {@code holdId}. */
    boolean held(UUID holdId, long quantity);

    /** The registry would not hold the credits of {@code holdId}, for {@code reason}. */
    boolean rejected(UUID holdId, String reason);

    /**
     * A trade delivering {@code quantity} from {@code holdId} failed: its buyer's cash is already
     * released and the registry still holds those credits under {@code holdId}.
     */
    boolean deliveryFailed(UUID holdId, UUID tradeId, long quantity);
}
