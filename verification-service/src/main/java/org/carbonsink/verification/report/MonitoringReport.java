package org.carbonsink.verification.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A monitoring report with the removals computed when it was submitted. The vintage of its credits
 * is the year its period ends. {@code decision} is empty while the report is {@code SUBMITTED}.
 */
public record MonitoringReport(UUID id, UUID projectId, UUID ownerId, UUID verifierId, LocalDate periodStart,
        LocalDate periodEnd, BigDecimal relativeUncertaintyPercent, BigDecimal baselineRemovals, BigDecimal leakage,
        BigDecimal projectEmissions, List<ReportStratum> strata, BigDecimal deltaCTree, BigDecimal netRemovals,
        BigDecimal deductionRate, long verifiedCredits, BigDecimal bufferRate, long bufferCredits,
        ReportStatus status, Instant submittedAt, Optional<Decision> decision) {

    public MonitoringReport {
        strata = List.copyOf(strata);
    }

    public int vintage() {
        return periodEnd.getYear();
    }
}
