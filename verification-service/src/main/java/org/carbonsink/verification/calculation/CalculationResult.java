package org.carbonsink.verification.calculation;

import java.math.BigDecimal;
import java.util.List;

/**
 * The result of a calculation, every value exact (display them with {@link Exact#decimal(int)}).
 * {@code credits} = floor(net · (1 − deduction rate)) when the net is positive, else 0; the vintages
 * split them and carry the buffer; {@code bufferCredits} is the vintages' buffers summed.
 */
public record CalculationResult(CalculationMethod method, Exact years, List<TreeResult> trees,
        List<AccumulationResult> accumulations, List<SoilResult> soils, Exact treeRemovals, Exact soilRemovals,
        Exact grossRemovals, Exact netRemovals, Uncertainty uncertainty, BigDecimal deductionRate,
        Exact creditableExact, long credits, BigDecimal bufferRate, long bufferCredits, List<Vintage> vintages,
        List<Flag> flags) {

    /** The loss a negative net stands for ({@link RemovalCalculation#lossCredits}); 0 with no loss. */
    public long lossCredits() {
        return RemovalCalculation.lossCredits(netRemovals);
    }

    public CalculationResult {
        trees = List.copyOf(trees);
        accumulations = List.copyOf(accumulations);
        soils = List.copyOf(soils);
        vintages = List.copyOf(vintages);
        flags = List.copyOf(flags);
    }

    /** A tree stratum: the factor (tCO2e per m³), mean volumes per ha, stocks and their difference (tCO2e). */
    public record TreeResult(TreeStratum stratum, Exact factor, Exact volumeStartPerHectare,
            Exact volumeEndPerHectare, Exact stockStart, Exact stockEnd, Exact removals, PlotStatistics plots) {
    }

    /** A plot stratum's statistics of the change in volume per hectare (m³/ha): mean, sample variance s², s²/n. */
    public record PlotStatistics(List<PlotResult> plots, Exact meanChange, Exact variance, Exact varianceOfMean) {

        public PlotStatistics {
            plots = List.copyOf(plots);
        }
    }

    public record PlotResult(Exact volumeStart, Exact volumeEnd, Exact volumeStartPerHectare,
            Exact volumeEndPerHectare, Exact changePerHectare) {
    }

    /** Soil accumulation: t C over the period and its tCO2e. */
    public record AccumulationResult(SoilAccumulationStratum stratum, Exact carbon, Exact removals) {
    }

    /** IPCC Tier 1 soil: stocks before and after (t C/ha), the annual change per ha, the years counted, tCO2e. */
    public record SoilResult(SoilCarbonStratum stratum, Exact stockBefore, Exact stockAfter, Exact annualChangePerHectare,
            Exact yearsCounted, Exact removals) {
    }

    /**
     * The relative uncertainty at 90% confidence: from the sample plots ({@code PLOTS}, with t and its
     * degrees of freedom) or as stated by the owner ({@code STATED}). {@code squaredFraction} is U²
     * exactly (the band is chosen on it); {@code percent} is U in percent rounded up to 4 decimals,
     * for display. Null in a result whose net supports no credits and whose plots show no gain.
     */
    public record Uncertainty(String source, Exact squaredFraction, BigDecimal percent, BigDecimal tValue,
            Integer degreesOfFreedom) {
    }

    /**
     * A plausibility flag for the verifier, not a refusal: {@code value} of {@code field} is beyond
     * {@code bound}, which derives from {@code source}.
     */
    public record Flag(String field, String rule, String message, BigDecimal value, BigDecimal bound, String source) {
    }
}
