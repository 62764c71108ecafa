package org.carbonsink.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * The registry could not deliver the traded credits; the exchange compensates the cash leg.
 * {@code code} says whose the failure is, so the exchange never reads {@code reason} (text for people):
 * {@link #BUYER_NO_ACCOUNT} is the buyer's, the seller's hold still holds the credits; the others are
 * the seller's hold's. Events written before the field existed carry no code (null).
 */
public record CreditDeliveryFailed(
        UUID eventId,
        Instant occurredAt,
        UUID tradeId,
        String instrumentId,
        String reason,
        String code) {

    /** The buyer has no registry account to receive the credits. */
    public static final String BUYER_NO_ACCOUNT = "BUYER_NO_ACCOUNT";
    /** The hold named by the trade does not exist. */
    public static final String NO_HOLD = "NO_HOLD";
    /** The hold is no longer active or has fewer credits left than the trade needs. */
    public static final String HOLD_SHORT = "HOLD_SHORT";
    /** The hold belongs to another participant than the trade's seller. */
    public static final String HOLD_NOT_SELLERS = "HOLD_NOT_SELLERS";

    /** An event of the first version of this record, without a code. */
    public CreditDeliveryFailed(UUID eventId, Instant occurredAt, UUID tradeId, String instrumentId, String reason) {
        this(eventId, occurredAt, tradeId, instrumentId, reason, null);
    }
}
