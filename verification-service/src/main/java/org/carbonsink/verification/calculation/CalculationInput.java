package org.carbonsink.verification.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything a calculation depends on: the method, the period, the field data with the parameters
 * looked up for it, the owner's baseline, leakage and project emissions (tCO2e over the period), the
 * stated relative uncertainty (percent; used only when the uncertainty cannot be computed from sample
 * plots, may be null otherwise), the deduction bands, the buffer rate and the national carbon density
 * bound for plausibility flags (may be null: no flag).
 */
public record CalculationInput(CalculationMethod method, LocalDate periodStart, LocalDate periodEnd,
        List<TreeStratum> treeStrata, List<SoilAccumulationStratum> accumulationStrata,
        List<SoilCarbonStratum> soilStrata, BigDecimal baselineRemovals, BigDecimal leakage,
        BigDecimal projectEmissions, BigDecimal statedUncertaintyPercent, List<UncertaintyBand> bands,
        BigDecimal bufferRate, Parameter carbonDensityBound) {

    public CalculationInput {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(periodEnd, "periodEnd");
        treeStrata = List.copyOf(treeStrata);
        accumulationStrata = List.copyOf(accumulationStrata);
        soilStrata = List.copyOf(soilStrata);
        TreeStratum.requireNotNegative(baselineRemovals, "baselineRemovals");
        TreeStratum.requireNotNegative(leakage, "leakage");
        TreeStratum.requireNotNegative(projectEmissions, "projectEmissions");
        bands = List.copyOf(bands);
        requireRate(bufferRate, "bufferRate");
        if (periodEnd.isBefore(periodStart)) {
            throw new IllegalArgumentException("period ends before it starts");
        }
    }

    private static void requireRate(BigDecimal rate, String name) {
        Objects.requireNonNull(rate, name);
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(name + " must be between 0 and 1: " + rate);
        }
    }
}
