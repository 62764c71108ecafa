package org.carbonsink.registry.pledge;

import java.util.UUID;
import org.carbonsink.registry.ledger.CreditSelection;

/** The holder of {@code accountId} pledges available credits of one project and vintage to a lender. */
public record PledgeCredits(UUID callerId, UUID accountId, UUID projectId, int vintage, CreditSelection selection,
        UUID lenderId, LoanTerms terms) {
}
