package org.carbonsink.registry.ledger;

import java.time.LocalDate;
import java.util.UUID;

/** The administrator records a loss of {@code lossCredits} tCO2e of a project's stored carbon. */
public record RecordReversal(UUID projectId, LocalDate lossDate, String cause, long lossCredits,
        UUID administratorId) {
}
