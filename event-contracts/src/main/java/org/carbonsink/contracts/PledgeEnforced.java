package org.carbonsink.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * On the lender's default claim and the registry administrator's confirmation, the pledged credits
 * moved to the lender's account ({@code serials}, at most 100 ranges). Keyed by pledge id.
 */
public record PledgeEnforced(
        UUID eventId,
        Instant occurredAt,
        UUID pledgeId,
        UUID projectId,
        UUID pledgorId,
        UUID lenderId,
        long quantity,
        UUID confirmedBy,
        List<SerialRange> serials) {
}
