package org.carbonsink.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * The registry could not deliver the traded credits; the exchange compensates the cash leg.
 * {@code code} is a stable failure code that may be shown publicly (for example
 * {@code DELIVERY_REFUSED_INSUFFICIENT_HOLD}); {@code reason} is the detail, with ids, for the parties.
 * A producer that predates {@code code} sends none.
 */
public record CreditDeliveryFailed(
        UUID eventId,
        Instant occurredAt,
        UUID tradeId,
        String instrumentId,
        String reason,
        String code) {

    public CreditDeliveryFailed(UUID eventId, Instant occurredAt, UUID tradeId, String instrumentId, String reason) {
        this(eventId, occurredAt, tradeId, instrumentId, reason, null);
    }
}
