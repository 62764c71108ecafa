package org.carbonsink.registry.ledger;

import java.util.List;
import java.util.UUID;

/**
 * Pledges that claim credits as they are issued (pledges of future issuance). The pledge feature
 * implements it, so the ledger never depends on pledges. Called in the issuance's transaction, with
 * the project row share-locked.
 */
public interface IssuanceEncumbrances {

    /**
     * The pledges of the project's owner that claim some of {@code quantity} credits just issued to
     * it, oldest pledge first, together at most {@code quantity}; each claim is recorded as covered.
     */
    List<Claim> claim(UUID projectId, UUID ownerId, long quantity);

    /** The ledger encumbered the claimed credits: tell the lender. */
    void encumbered(Encumbrance encumbrance, int vintage);

    record Claim(UUID pledgeId, long quantity) {
    }
}
