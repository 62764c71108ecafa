package org.carbonsink.registry.ledger.core;

import java.util.Objects;
import java.util.UUID;

/**
 * Where a serial is: the account, the state, and the hold, pledge, retirement or cancellation it
 * belongs to. Two adjacent blocks of one issuance with equal placements are one block.
 */
public record Placement(UUID accountId, SerialBlock.State state, UUID holdId, UUID retirementId,
        UUID cancellationId, UUID pledgeId) {

    public Placement {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(state, "state");
        if ((state == SerialBlock.State.HELD) != (holdId != null)
                || (state == SerialBlock.State.RETIRED) != (retirementId != null)
                || (state == SerialBlock.State.CANCELLED) != (cancellationId != null)
                || (state == SerialBlock.State.PLEDGED) != (pledgeId != null)) {
            throw new IllegalArgumentException("a " + state + " placement names the wrong reference");
        }
    }

    public static Placement available(UUID accountId) {
        return new Placement(accountId, SerialBlock.State.AVAILABLE, null, null, null, null);
    }

    public static Placement held(UUID accountId, UUID holdId) {
        return new Placement(accountId, SerialBlock.State.HELD, holdId, null, null, null);
    }

    public static Placement retired(UUID accountId, UUID retirementId) {
        return new Placement(accountId, SerialBlock.State.RETIRED, null, retirementId, null, null);
    }

    public static Placement cancelled(UUID accountId, UUID cancellationId) {
        return new Placement(accountId, SerialBlock.State.CANCELLED, null, null, cancellationId, null);
    }

    /** Encumbered for a lender: the serials stay in the pledgor's account but cannot move (docs/pledges.md). */
    public static Placement pledged(UUID accountId, UUID pledgeId) {
        return new Placement(accountId, SerialBlock.State.PLEDGED, null, null, null, pledgeId);
    }
}
