package org.carbonsink.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * The exchange has waited past its deadline for the answer to the hold {@code holdId} and asks the
 * registry what its ledger says. Sent on the topic of {@link CreditHoldRequested} with the same key,
 * so the registry reads it after the request it asks about; answered by {@link HoldStateReported}.
 */
public record HoldStateRequested(
        UUID eventId,
        Instant occurredAt,
        UUID holdId,
        String instrumentId) {
}
