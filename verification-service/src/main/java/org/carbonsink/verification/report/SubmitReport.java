package org.carbonsink.verification.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The owner's claim for a monitoring period, as first submitted or resubmitted. Baseline removals,
 * leakage and project emissions are tCO2e over the period (zero when the methodology has none).
 * {@code relativeUncertaintyPercent} is needed only when not every tree stratum has sample plots.
 */
public record SubmitReport(UUID submittedBy, UUID projectId, LocalDate periodStart, LocalDate periodEnd,
        UUID verifierId, BigDecimal relativeUncertaintyPercent, List<MeasuredStratum> strata,
        List<AccumulationClaim> soilAccumulation, List<SoilClaim> soilCarbon, BigDecimal baselineRemovals,
        BigDecimal leakage, BigDecimal projectEmissions) {

    public SubmitReport {
        strata = strata == null ? List.of() : List.copyOf(strata);
        soilAccumulation = soilAccumulation == null ? List.of() : List.copyOf(soilAccumulation);
        soilCarbon = soilCarbon == null ? List.of() : List.copyOf(soilCarbon);
    }

    /**
     * A tree stratum: species code and area, with either the mean stem volume per hectare (m³) at both
     * ends, or sample plots (with the code of a volume equation when plots give trees).
     */
    public record MeasuredStratum(String species, BigDecimal areaHectares, BigDecimal volumeStartPerHectare,
            BigDecimal volumeEndPerHectare, String volumeEquation, List<MeasuredPlot> plots) {
    }

    /** A plot of {@code areaHectares}: at each end either its stem volume (m³) or its trees. */
    public record MeasuredPlot(BigDecimal areaHectares, BigDecimal volumeStart, BigDecimal volumeEnd,
            List<MeasuredTree> treesStart, List<MeasuredTree> treesEnd) {
    }

    public record MeasuredTree(BigDecimal dbhCm, BigDecimal heightM) {
    }

    /** Soil accumulating carbon on {@code areaHectares} of a coastal land type (MANGROVE, TIDAL_MARSH, SEAGRASS). */
    public record AccumulationClaim(String landType, BigDecimal areaHectares) {
    }

    /** Mineral soil by IPCC Tier 1: the reference stock's code and the factor codes before and after. */
    public record SoilClaim(String referenceStock, BigDecimal areaHectares, Practice before, Practice after) {
    }

    /** Codes of the land-use, management and input factors of a practice. */
    public record Practice(String landUse, String management, String input) {
    }
}
