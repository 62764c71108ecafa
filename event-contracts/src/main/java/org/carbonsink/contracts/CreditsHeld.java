package org.carbonsink.contracts;

import java.time.Instant;
import java.util.UUID;

/** The registry holds {@code quantity} credits for the sell order {@code holdId}. */
public record CreditsHeld(
        UUID eventId,
        Instant occurredAt,
        UUID holdId,
        String instrumentId,
        long quantity) {
}
