package org.carbonsink.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * The pledged project was revoked: the pledge is void, its {@code cancelledCredits} pledged credits
 * were cancelled with the project's other unretired credits, and a future-issuance pledge claims
 * nothing more. Tells the lender. Keyed by pledge id.
 */
public record PledgeVoided(
        UUID eventId,
        Instant occurredAt,
        UUID pledgeId,
        UUID projectId,
        UUID pledgorId,
        UUID lenderId,
        long cancelledCredits,
        String reason) {
}
