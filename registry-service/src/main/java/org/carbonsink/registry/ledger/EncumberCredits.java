package org.carbonsink.registry.ledger;

import java.util.UUID;

/** The holder of {@code accountId} encumbers available credits under the pledge {@code pledgeId}. */
public record EncumberCredits(UUID accountId, UUID callerId, UUID projectId, int vintage, CreditSelection selection,
        UUID pledgeId) {
}
