package org.carbonsink.registry.ledger;

import java.util.UUID;

/** A holder retires available credits of one project and vintage for a beneficiary and purpose. */
public record RetireCredits(UUID accountId, UUID callerId, UUID projectId, int vintage, CreditSelection selection,
        String beneficiary, RetirementPurpose purpose, String note) {
}
