package org.carbonsink.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Credits were pledged to a lender. {@code kind} is CREDITS (issued credits of one project and
 * vintage, all encumbered at once) or FUTURE_ISSUANCE (vintage null: the pledge is made with nothing
 * encumbered, and each later issuance to the owner is told again with what it encumbered).
 * {@code encumbered} is what this event placed under the pledge, {@code serials} at most the first
 * 100 ranges of it. Keyed by pledge id.
 */
public record CreditsPledged(
        UUID eventId,
        Instant occurredAt,
        UUID pledgeId,
        String kind,
        UUID projectId,
        Integer vintage,
        UUID pledgorId,
        UUID lenderId,
        long quantity,
        long encumbered,
        long outstanding,
        LocalDate maturityDate,
        List<SerialRange> serials) {
}
