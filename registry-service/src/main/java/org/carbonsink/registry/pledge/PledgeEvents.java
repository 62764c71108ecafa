package org.carbonsink.registry.pledge;

import java.util.UUID;
import org.carbonsink.registry.ledger.Encumbrance;

/**
 * What the pledges tell the other services (and the lender), in the transaction of the change
 * (implemented by the outbox adapter in {@code messaging}).
 */
public interface PledgeEvents {

    /** A pledge was made, or a new issuance encumbered credits under a pledge of future issuance. */
    void pledged(Pledge pledge, Encumbrance encumbered);

    /** The lender released {@code quantity} (credits back to the pledgor and uncovered future credits). */
    void released(Pledge pledge, long quantity, Encumbrance returned);

    /** The administrator {@code confirmedBy} confirmed the lender's enforcement: the credits moved to the lender. */
    void enforced(Pledge pledge, Encumbrance moved, UUID confirmedBy);

    /** The project was revoked: the pledge is void and its credits cancelled. */
    void voided(Pledge pledge, long cancelled);
}
