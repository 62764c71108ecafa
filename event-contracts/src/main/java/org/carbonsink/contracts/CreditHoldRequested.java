package org.carbonsink.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * The exchange asks the registry to hold {@code quantity} credits of a project and vintage in the
 * participant's account for a sell order. {@code holdId} is the sell order id.
 */
public record CreditHoldRequested(
        UUID eventId,
        Instant occurredAt,
        UUID holdId,
        String instrumentId,
        UUID participantId,
        UUID projectId,
        int vintage,
        long quantity) {
}
