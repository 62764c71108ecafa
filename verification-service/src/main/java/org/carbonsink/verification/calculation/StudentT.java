package org.carbonsink.verification.calculation;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * Two-sided Student's t at 90% confidence (the 0.95 quantile) by degrees of freedom. The relative
 * uncertainty of sample plots uses t with n − M degrees of freedom (n plots, M strata), as CDM
 * AR-TOOL14 does with its t_VAL, rather than the normal 1.645: with the few plots of a small project
 * 1.645 would understate the uncertainty, and CCER asks for conservative estimates. Above the table
 * the t of the next smaller tabulated df is used (larger, so conservative); from 120 on, 1.658, and
 * 1.645 is the limit. Values: standard t tables to 3 decimals (e.g. NIST/SEMATECH e-Handbook 1.4.2.1).
 */
public final class StudentT {

    private static final TreeMap<Integer, BigDecimal> TABLE = new TreeMap<>(Map.ofEntries(
            Map.entry(1, new BigDecimal("6.314")), Map.entry(2, new BigDecimal("2.920")),
            Map.entry(3, new BigDecimal("2.353")), Map.entry(4, new BigDecimal("2.132")),
            Map.entry(5, new BigDecimal("2.015")), Map.entry(6, new BigDecimal("1.943")),
            Map.entry(7, new BigDecimal("1.895")), Map.entry(8, new BigDecimal("1.860")),
            Map.entry(9, new BigDecimal("1.833")), Map.entry(10, new BigDecimal("1.812")),
            Map.entry(11, new BigDecimal("1.796")), Map.entry(12, new BigDecimal("1.782")),
            Map.entry(13, new BigDecimal("1.771")), Map.entry(14, new BigDecimal("1.761")),
            Map.entry(15, new BigDecimal("1.753")), Map.entry(16, new BigDecimal("1.746")),
            Map.entry(17, new BigDecimal("1.740")), Map.entry(18, new BigDecimal("1.734")),
            Map.entry(19, new BigDecimal("1.729")), Map.entry(20, new BigDecimal("1.725")),
            Map.entry(21, new BigDecimal("1.721")), Map.entry(22, new BigDecimal("1.717")),
            Map.entry(23, new BigDecimal("1.714")), Map.entry(24, new BigDecimal("1.711")),
            Map.entry(25, new BigDecimal("1.708")), Map.entry(26, new BigDecimal("1.706")),
            Map.entry(27, new BigDecimal("1.703")), Map.entry(28, new BigDecimal("1.701")),
            Map.entry(29, new BigDecimal("1.699")), Map.entry(30, new BigDecimal("1.697")),
            Map.entry(40, new BigDecimal("1.684")), Map.entry(60, new BigDecimal("1.671")),
            Map.entry(120, new BigDecimal("1.658"))));

    private StudentT() {
    }

    /** t for a two-sided 90% interval with {@code degreesOfFreedom} (at least 1). */
    public static BigDecimal twoSided90(int degreesOfFreedom) {
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException("degrees of freedom must be at least 1: " + degreesOfFreedom);
        }
        return TABLE.floorEntry(degreesOfFreedom).getValue();
    }
}
