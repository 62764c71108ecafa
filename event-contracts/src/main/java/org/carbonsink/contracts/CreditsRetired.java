package org.carbonsink.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A holder retired credits for a named beneficiary; they never move again. {@code serials} lists at
 * most the first {@link SerialSummary#MAX_LISTED_RANGES} ranges; {@code serialSummary} covers them all.
 */
public record CreditsRetired(
        UUID eventId,
        Instant occurredAt,
        UUID retirementId,
        UUID projectId,
        int vintage,
        UUID holderId,
        long quantity,
        String beneficiary,
        String purpose,
        List<SerialRange> serials,
        SerialSummary serialSummary) {

    /** From a producer that predates {@code serialSummary}. */
    public CreditsRetired(UUID eventId, Instant occurredAt, UUID retirementId, UUID projectId, int vintage,
            UUID holderId, long quantity, String beneficiary, String purpose, List<SerialRange> serials) {
        this(eventId, occurredAt, retirementId, projectId, vintage, holderId, quantity, beneficiary, purpose, serials,
                null);
    }
}
