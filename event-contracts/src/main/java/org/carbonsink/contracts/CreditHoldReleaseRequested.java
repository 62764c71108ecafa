package org.carbonsink.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * The exchange no longer needs {@code quantity} of the credits held for the sell order
 * {@code holdId} (the order was cancelled, or a trade on it failed after the cancellation): the
 * registry returns them to the seller's available credits. Credits of trades already executed stay
 * held for their delivery.
 */
public record CreditHoldReleaseRequested(
        UUID eventId,
        Instant occurredAt,
        UUID holdId,
        String instrumentId,
        long quantity) {
}
