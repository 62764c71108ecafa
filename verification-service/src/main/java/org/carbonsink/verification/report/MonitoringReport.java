package org.carbonsink.verification.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.carbonsink.verification.calculation.CalculationMethod;

/**
 * A monitoring report and its current version. The disclosure window (first and last working day,
 * inclusive) is set when it is disclosed; {@code decision} is present once it is VERIFIED, REJECTED
 * or ISSUED. {@code reversalId} is the registry's reversal of a verified report's loss, once the
 * registry has recorded it.
 */
public record MonitoringReport(UUID id, UUID projectId, UUID ownerId, UUID verifierId, LocalDate periodStart,
        LocalDate periodEnd, CalculationMethod method, ReportStatus status, Instant submittedAt,
        LocalDate disclosureOpens, LocalDate disclosureCloses, Optional<Decision> decision, ReportVersion current,
        UUID reversalId) {

    /** The calendar year its period ends: the vintage an older consumer issues everything under. */
    public int vintage() {
        return periodEnd.getYear();
    }
}
