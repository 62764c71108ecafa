package org.carbonsink.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * The registry could not deliver the traded credits; the exchange compensates the cash leg.
 * {@code code} is a stable failure code that may be shown publicly (for example
 * {@code DELIVERY_REFUSED_INSUFFICIENT_HOLD}); {@code reason} is the detail, with ids, for the parties.
 * The code also says whose the failure is, so the exchange never reads {@code reason} (text for
 * people): {@link #BUYER_NO_ACCOUNT} is the buyer's, and the seller's hold still backs the sell order;
 * the others are the seller's hold's. A producer that predates {@code code} sends none (null).
 */
public record CreditDeliveryFailed(
        UUID eventId,
        Instant occurredAt,
        UUID tradeId,
        String instrumentId,
        String reason,
        String code) {

    /** The buyer has no registry account to receive the credits. */
    public static final String BUYER_NO_ACCOUNT = "BUYER_NO_REGISTRY_ACCOUNT";
    /** The hold named by the trade does not exist. */
    public static final String NO_HOLD = "DELIVERY_REFUSED_NO_HOLD";
    /** The hold is no longer active or has fewer credits left than the trade needs. */
    public static final String HOLD_SHORT = "DELIVERY_REFUSED_INSUFFICIENT_HOLD";
    /** The hold belongs to another participant than the trade's seller. */
    public static final String HOLD_NOT_SELLERS = "DELIVERY_REFUSED_SELLER_MISMATCH";

    /** An event of the first version of this record, without a code. */
    public CreditDeliveryFailed(UUID eventId, Instant occurredAt, UUID tradeId, String instrumentId, String reason) {
        this(eventId, occurredAt, tradeId, instrumentId, reason, null);
    }
}
