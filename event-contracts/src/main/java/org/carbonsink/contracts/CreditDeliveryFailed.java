package org.carbonsink.contracts;

import java.time.Instant;
import java.util.UUID;

/** The registry could not deliver the traded credits; the exchange compensates the cash leg. */
public record CreditDeliveryFailed(
        UUID eventId,
        Instant occurredAt,
        UUID tradeId,
        String instrumentId,
        String reason) {
}
