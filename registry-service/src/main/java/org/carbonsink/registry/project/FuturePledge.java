package org.carbonsink.registry.project;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A standing pledge of a project's future issuance: {@code quantity} pledged, {@code covered} of it
 * already encumbered from issuances, {@code uncovered} still to come from the next ones.
 */
public record FuturePledge(UUID id, UUID lenderId, String lenderName, long quantity, long covered, long uncovered,
        LocalDate maturityDate) {
}
