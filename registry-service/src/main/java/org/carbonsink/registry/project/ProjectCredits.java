package org.carbonsink.registry.project;

import java.util.UUID;

/**
 * What the project lifecycle asks of the credit ledger. The ledger implements it, so the ledger
 * depends on projects and never the other way round.
 */
public interface ProjectCredits {

    /**
     * Revocation for fraud: cancels every unretired credit of the project wherever it is held
     * (available, held for the exchange, pledged, in the buffer pool), each cancellation recorded with
     * {@code reason}, in the caller's transaction. Answers how many credits were cancelled.
     */
    long cancelUnretiredCredits(UUID projectId, String reason, UUID administratorId);

    /** Whether a recorded reversal of the project is not yet made good, so that its issuance is blocked. */
    boolean issuanceBlockedByReversal(UUID projectId);
}
