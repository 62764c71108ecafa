package org.carbonsink.registry.ledger;

import org.carbonsink.registry.ledger.core.SerialRange;
import java.util.List;
import java.util.UUID;
import org.carbonsink.support.jdbc.Pipeline;

/**
 * What the ledger tells the other services, in the transaction of the change (implemented by the
 * outbox adapter in {@code messaging}).
 */
public interface LedgerEvents {

    void issued(Issuance issuance, UUID ownerId);

    void held(UUID holdId, String instrumentId, long quantity);

    void holdRejected(UUID holdId, String instrumentId, String reason);

    /** The event's write is added to {@code writes}, which the caller runs in its transaction. */
    void delivered(Pipeline writes, UUID tradeId, String instrumentId, UUID buyerId, long quantity,
            List<SerialRange> serials);

    /** {@code code} is stable and fit to be shown publicly; {@code reason} has the detail. */
    void deliveryFailed(UUID tradeId, String instrumentId, String code, String reason);

    /** The answer to the exchange's question on a hold: held ({@code quantity}), or not, and why. */
    void holdState(UUID holdId, String instrumentId, boolean held, long quantity, String reason);

    /** The answer to the exchange's question on a trade: delivered to {@code buyerId}, or refused for good. */
    void deliveryState(UUID tradeId, String instrumentId, boolean delivered, UUID buyerId, long quantity, String code,
            String reason);

    /**
     * {@code moved} is every range the retirement moved, however many: the event lists the first ones
     * and summarises all, so that no event grows with an account's history. The same for the others.
     */
    void retired(Retirement retirement, List<SerialRange> moved);

    void cancelled(Cancellation cancellation, List<SerialRange> moved);

    void transferred(Transfer transfer, List<SerialRange> moved);

    void reversalRecorded(Reversal reversal);

    /** A reversal blocked the project's issuance, or later verified reports made the loss good. */
    void issuanceBlocked(UUID projectId, String state, boolean blocked, String reason);
}
