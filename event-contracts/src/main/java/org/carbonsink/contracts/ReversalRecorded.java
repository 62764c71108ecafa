package org.carbonsink.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The registry recorded a loss of a project's stored carbon (fire, pests, logging):
 * {@code bufferCancelled} buffer credits were cancelled from the pooled buffer to cover
 * {@code lossCredits} tCO2e ({@code shortfall} the pool could not cover). The project's issuance is
 * blocked until later verified reports make the loss good ({@link ProjectStateChanged} says when).
 * {@code reportId} names the verified monitoring report whose negative net removals the loss is (a
 * monitored loss); null for a loss the administrator recorded, and from a producer that predates it.
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
        long shortfall,
        UUID reportId) {

    /** A loss the administrator recorded: no report. */
    public ReversalRecorded(UUID eventId, Instant occurredAt, UUID reversalId, UUID projectId, LocalDate lossDate,
            String cause, long lossCredits, long bufferCancelled, long shortfall) {
        this(eventId, occurredAt, reversalId, projectId, lossDate, cause, lossCredits, bufferCancelled, shortfall,
                null);
    }
}
