package org.carbonsink.registry.pledge;

import java.util.UUID;

/** The owner of a registered project pledges {@code quantity} of its future credits to a lender. */
public record PledgeFutureIssuance(UUID callerId, UUID projectId, long quantity, UUID lenderId, LoanTerms terms) {
}
