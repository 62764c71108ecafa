package org.carbonsink.registry.ledger;

import org.carbonsink.registry.ledger.core.SerialRange;
import java.util.List;
import java.util.UUID;

/**
 * What the ledger tells the other services, in the transaction of the change (implemented by the
 * outbox adapter in {@code messaging}).
 */
public interface LedgerEvents {

    void issued(Issuance issuance, UUID ownerId);

    void held(UUID holdId, String instrumentId, long quantity);

    void holdRejected(UUID holdId, String instrumentId, String reason);

    void delivered(UUID tradeId, String instrumentId, UUID buyerId, long quantity, List<SerialRange> serials);

    void deliveryFailed(UUID tradeId, String instrumentId, DeliveryFailure code, String reason);

    void retired(Retirement retirement);

    void cancelled(Cancellation cancellation);

    void transferred(Transfer transfer);

    void reversalRecorded(Reversal reversal);

    /** A reversal blocked the project's issuance, or later verified reports made the loss good. */
    void issuanceBlocked(UUID projectId, String state, boolean blocked, String reason);
}
