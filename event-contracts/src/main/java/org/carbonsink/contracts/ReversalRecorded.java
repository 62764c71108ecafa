package org.carbonsink.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The registry recorded a loss of a project's stored carbon (fire, pests, logging):
 * {@code bufferCancelled} buffer credits were cancelled from the pooled buffer to cover
 * {@code lossCredits} tCO2e ({@code shortfall} the pool could not cover). The project's issuance is
 * blocked until later verified reports make the loss good ({@link ProjectStateChanged} says when).
 */
public record ReversalRecorded(
        UUID eventId,
        Instant occurredAt,
        UUID reversalId,
        UUID projectId,
        LocalDate lossDate,
        String cause,
        long lossCredits,
        long bufferCancelled,
        long shortfall) {
}
