package org.carbonsink.contracts;

import java.time.Instant;
import java.util.UUID;

/** The registry could not hold credits for the sell order {@code holdId}; {@code reason} says why. */
public record CreditHoldRejected(
        UUID eventId,
        Instant occurredAt,
        UUID holdId,
        String instrumentId,
        String reason) {
}
