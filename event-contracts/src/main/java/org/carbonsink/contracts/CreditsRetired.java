package org.carbonsink.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A holder retired credits for a named beneficiary; they never move again. */
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
        List<SerialRange> serials) {
}
