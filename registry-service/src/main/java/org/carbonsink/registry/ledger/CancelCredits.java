package org.carbonsink.registry.ledger;

import java.util.UUID;

/** A holder cancels available credits of one project and vintage, giving the reason. */
public record CancelCredits(UUID accountId, UUID callerId, UUID projectId, int vintage, CreditSelection selection,
        String reason) {
}
