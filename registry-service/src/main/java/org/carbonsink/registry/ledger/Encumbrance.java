package org.carbonsink.registry.ledger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Serials that entered or left a pledge in one step: encumbered in {@code accountId}, released back
 * to it, or enforced into the lender's account. {@code serials} are display ranges (at most
 * {@link Retirement#SERIALS_SHOWN}).
 */
public record Encumbrance(UUID pledgeId, UUID accountId, UUID holderId, UUID projectId, String projectCode,
        long quantity, List<Range> serials, Instant at) {

    public Encumbrance {
        serials = List.copyOf(serials);
    }

    /** One range of serials, in the registry's display form and as numbers. */
    public record Range(String serial, int vintage, long first, long last) {
    }
}
