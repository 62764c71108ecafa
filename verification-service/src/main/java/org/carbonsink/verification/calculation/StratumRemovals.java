package org.carbonsink.verification.calculation;

import java.math.BigDecimal;

/**
 * What one stratum contributes, for display: the factor to {@value RemovalCalculation#FACTOR_SCALE}
 * decimals, the stocks and their difference in tCO2e to {@value RemovalCalculation#CARBON_SCALE},
 * each rounded half-even. The totals are computed from the unrounded values, so the rounded removals
 * of several strata may add up to a total that differs in the last decimal.
 */
public record StratumRemovals(Stratum stratum, BigDecimal factor, BigDecimal carbonStart, BigDecimal carbonEnd,
        BigDecimal removals) {
}
