package org.carbonsink.verification.calculation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The stock-difference method (CCER-14-001, AR-TOOL14):
 *
 * <pre>
 * C(t)    = area · volume per ha(t) · SVD · BEF · (1 + R) · CF · 44/12     tCO2e, per stratum
 * ΔC_tree = Σ strata C(t2) − C(t1)
 * net     = ΔC_tree − baseline − leakage − project emissions
 * credits = floor(net · (1 − uncertainty deduction)),  buffer = ceil(credits · buffer rate)
 * </pre>
 *
 * <p>Rounding: every intermediate value is computed in {@link MathContext#DECIMAL128} (34 significant
 * digits) and never rounded to a scale; {@code net} and {@code ΔC_tree} are then rounded to 4 decimals
 * half-even, and the credits are computed from the rounded {@code net}. Credits round down and the
 * buffer rounds up, so the estimate stays conservative as CCER requires. A negative net (a loss of
 * carbon) supports no credits.
 */
public final class RemovalCalculation {

    static final MathContext MATH = MathContext.DECIMAL128;
    public static final int CARBON_SCALE = 4;
    public static final int FACTOR_SCALE = 6;

    private RemovalCalculation() {
    }

    /**
     * Removals of the strata net of the baseline, leakage and project emissions (tCO2e, not negative),
     * with the deduction rate for the report's uncertainty and the project's buffer rate (0 to 1).
     */
    public static Removals calculate(List<Stratum> strata, BigDecimal baselineRemovals, BigDecimal leakage,
            BigDecimal projectEmissions, BigDecimal deductionRate, BigDecimal bufferRate) {
        if (strata.isEmpty()) {
            throw new IllegalArgumentException("a calculation needs at least one stratum");
        }
        Stratum.requireNotNegative(baselineRemovals, "baselineRemovals");
        Stratum.requireNotNegative(leakage, "leakage");
        Stratum.requireNotNegative(projectEmissions, "projectEmissions");
        requireRate(deductionRate, "deductionRate");
        requireRate(bufferRate, "bufferRate");

        List<StratumRemovals> results = new ArrayList<>();
        BigDecimal deltaCTree = BigDecimal.ZERO;
        for (Stratum stratum : strata) {
            BigDecimal factor = stratum.factors().co2PerCubicMetre();
            BigDecimal carbonStart = stock(stratum.areaHectares(), stratum.volumeStartPerHectare(), factor);
            BigDecimal carbonEnd = stock(stratum.areaHectares(), stratum.volumeEndPerHectare(), factor);
            BigDecimal removals = carbonEnd.subtract(carbonStart, MATH);
            deltaCTree = deltaCTree.add(removals, MATH);
            results.add(new StratumRemovals(stratum, factor.setScale(FACTOR_SCALE, RoundingMode.HALF_EVEN),
                    carbon(carbonStart), carbon(carbonEnd), carbon(removals)));
        }
        BigDecimal net = carbon(deltaCTree.subtract(baselineRemovals, MATH).subtract(leakage, MATH)
                .subtract(projectEmissions, MATH));

        long verifiedCredits = net.signum() <= 0 ? 0
                : net.multiply(BigDecimal.ONE.subtract(deductionRate), MATH).setScale(0, RoundingMode.FLOOR)
                        .longValueExact();
        long bufferCredits = BigDecimal.valueOf(verifiedCredits).multiply(bufferRate, MATH)
                .setScale(0, RoundingMode.CEILING).longValueExact();
        return new Removals(results, carbon(deltaCTree), net, deductionRate, verifiedCredits, bufferRate,
                bufferCredits);
    }

    private static BigDecimal stock(BigDecimal areaHectares, BigDecimal volumePerHectare, BigDecimal factor) {
        return areaHectares.multiply(volumePerHectare, MATH).multiply(factor, MATH);
    }

    private static BigDecimal carbon(BigDecimal value) {
        return value.setScale(CARBON_SCALE, RoundingMode.HALF_EVEN);
    }

    private static void requireRate(BigDecimal rate, String name) {
        Objects.requireNonNull(rate, name);
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(name + " must be between 0 and 1: " + rate);
        }
    }
}
