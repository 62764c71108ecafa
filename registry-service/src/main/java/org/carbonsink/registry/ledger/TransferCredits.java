package org.carbonsink.registry.ledger;

import java.util.UUID;

/** The holder of {@code accountId} transfers available credits to the account {@code toAccountId}. */
public record TransferCredits(UUID accountId, UUID callerId, UUID toAccountId, UUID projectId, int vintage,
        CreditSelection selection) {
}
