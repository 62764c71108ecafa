package org.carbonsink.verification.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The owner's claim for a monitoring period. Baseline removals, leakage and project emissions are
 * tCO2e over the period (zero when the methodology has none).
 */
public record SubmitReport(UUID submittedBy, UUID projectId, LocalDate periodStart, LocalDate periodEnd,
        UUID verifierId, BigDecimal relativeUncertaintyPercent, List<MeasuredStratum> strata,
        BigDecimal baselineRemovals, BigDecimal leakage, BigDecimal projectEmissions) {

    public SubmitReport {
        strata = List.copyOf(strata);
    }

    /** A stratum as measured: species code, area and mean stem volume per hectare (m³) at both ends of the period. */
    public record MeasuredStratum(String species, BigDecimal areaHectares, BigDecimal volumeStartPerHectare,
            BigDecimal volumeEndPerHectare) {
    }
}
