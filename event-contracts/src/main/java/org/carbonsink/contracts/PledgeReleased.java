package org.carbonsink.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The lender released {@code quantity} of a pledge; {@code returned} of it were pledged credits back
 * in the pledgor's available credits ({@code serials}, at most 100 ranges), the rest future credits
 * no longer claimed. {@code state} stays ACTIVE after a partial release (with less
 * {@code outstanding}) and is RELEASED when nothing is outstanding. Keyed by pledge id.
 */
public record PledgeReleased(
        UUID eventId,
        Instant occurredAt,
        UUID pledgeId,
        UUID projectId,
        UUID pledgorId,
        UUID lenderId,
        long quantity,
        long returned,
        long outstanding,
        String state,
        List<SerialRange> serials) {
}
