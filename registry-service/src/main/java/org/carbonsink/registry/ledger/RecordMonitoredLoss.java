package org.carbonsink.registry.ledger;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A verified monitoring report of {@code projectId} found a loss: its net removals were negative, and
 * {@code lossCredits} is that loss in whole tCO2e (rounded up by the verification service). The loss
 * is dated {@code periodEnd}, the last day of the monitoring period; {@code cause} names the report.
 */
public record RecordMonitoredLoss(UUID reportId, UUID projectId, UUID ownerId, LocalDate periodEnd, String cause,
        long lossCredits) {
}
