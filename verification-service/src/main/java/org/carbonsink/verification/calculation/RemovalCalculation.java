package org.carbonsink.verification.calculation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.carbonsink.verification.calculation.CalculationResult.AccumulationResult;
import org.carbonsink.verification.calculation.CalculationResult.Flag;
import org.carbonsink.verification.calculation.CalculationResult.PlotResult;
import org.carbonsink.verification.calculation.CalculationResult.PlotStatistics;
import org.carbonsink.verification.calculation.CalculationResult.SoilResult;
import org.carbonsink.verification.calculation.CalculationResult.TreeResult;
import org.carbonsink.verification.calculation.CalculationResult.Uncertainty;
import org.carbonsink.verification.calculation.TreeStratum.PlotTrees;
import org.carbonsink.verification.calculation.TreeStratum.PlotVolume;
import org.carbonsink.verification.calculation.TreeStratum.SamplePlots;
import org.carbonsink.verification.calculation.TreeStratum.StandVolumes;

/**
 * The removal calculation of every method ({@link CalculationMethod}):
 *
 * <pre>
 * trees     C(t)    = area · V per ha(t) · SVD · BEF · (1 + R) · CF · 44/12     tCO2e, per stratum
 *           V per ha from plots = mean over plots of (plot volume / plot area)
 * soil acc. ΔC_soil = area · rate · years · 44/12                             (Wetlands Supplement rates)
 * SOC       ΔC_soil = area · (SOC_after − SOC_before) / 20 · min(years, 20) · 44/12,
 *           SOC = SOC_ref · F_LU · F_MG · F_I                                   (IPCC 2006 Tier 1)
 * net       = Σ trees + Σ soil − baseline − leakage − project emissions
 * credits   = floor(net · (1 − uncertainty deduction)),  0 when net ≤ 0
 * loss      = ceil(−net) when net &lt; 0, else 0                               (a reversal, in whole tCO2e)
 * vintages  by days (VintageSplit), buffer = ceil per vintage
 * </pre>
 *
 * <p>Rounding: none before the floor. Every value is an {@link Exact} rational, so the divisions
 * (44/12, plot areas, plot counts, 20 years, days per year) lose nothing; results are rounded only for
 * display. A loss is rounded up, with no uncertainty deduction: both would otherwise understate
 * it, and a conservative account counts a fraction of a tonne lost as a tonne (Verra AFOLU practice
 * of buffer cancellation, domain.md "Non-permanence and buffer"). The period's length in years is exact too: each calendar year it touches counts as its
 * days in the period over that year's length (a whole year is 1, leap or not).
 *
 * <p>The relative uncertainty comes from the sample plots when every tree stratum was measured by
 * plots (U = t · √Var(total) / total, t by {@link StudentT}); otherwise the owner states it. The
 * deduction band is chosen by comparing U² with the bands' squares, so the choice is exact too.
 */
public final class RemovalCalculation {

    /** Named in every result's provenance; a change to any formula here is a new version. */
    public static final String FORMULA_VERSION = "removals-2026.12-1";

    static final Exact CO2_PER_C = SpeciesFactors.CO2_PER_C;
    static final Exact SOIL_TRANSITION_YEARS = Exact.of(20);
    private static final MathContext DISPLAY = new MathContext(34);

    private RemovalCalculation() {
    }

    public static CalculationResult calculate(CalculationInput input) {
        checkFit(input);
        Exact years = years(input.periodStart(), input.periodEnd());

        List<TreeResult> trees = new ArrayList<>();
        Exact treeRemovals = Exact.ZERO;
        for (int i = 0; i < input.treeStrata().size(); i++) {
            TreeResult tree = tree(input.treeStrata().get(i), i);
            trees.add(tree);
            treeRemovals = treeRemovals.plus(tree.removals());
        }
        List<AccumulationResult> accumulations = new ArrayList<>();
        Exact soilRemovals = Exact.ZERO;
        for (SoilAccumulationStratum stratum : input.accumulationStrata()) {
            Exact carbon = Exact.of(stratum.areaHectares()).times(stratum.rate().exact()).times(years);
            AccumulationResult result = new AccumulationResult(stratum, carbon, carbon.times(CO2_PER_C));
            accumulations.add(result);
            soilRemovals = soilRemovals.plus(result.removals());
        }
        List<SoilResult> soils = new ArrayList<>();
        for (SoilCarbonStratum stratum : input.soilStrata()) {
            SoilResult result = soil(stratum, years);
            soils.add(result);
            soilRemovals = soilRemovals.plus(result.removals());
        }

        Exact gross = treeRemovals.plus(soilRemovals);
        Exact net = gross.minus(Exact.of(input.baselineRemovals())).minus(Exact.of(input.leakage()))
                .minus(Exact.of(input.projectEmissions()));
        UncertaintyDeduction deduction = new UncertaintyDeduction(input.bands());
        Uncertainty uncertainty = uncertainty(input, trees, treeRemovals, net);
        BigDecimal deductionRate = uncertainty == null ? BigDecimal.ZERO
                : deduction.rateForSquared(uncertainty.squaredFraction())
                        .orElseThrow(() -> tooUncertain(uncertainty, deduction));
        Exact creditable = net.signum() <= 0 ? Exact.ZERO
                : net.times(Exact.ONE.minus(Exact.of(deductionRate)));
        long credits = creditable.floor().longValueExact();
        List<Vintage> vintages = VintageSplit.split(credits, input.bufferRate(), input.periodStart(),
                input.periodEnd());
        long buffer = vintages.stream().mapToLong(Vintage::bufferCredits).sum();
        return new CalculationResult(input.method(), years, trees, accumulations, soils, treeRemovals, soilRemovals,
                gross, net, uncertainty, deductionRate, creditable, credits, input.bufferRate(), buffer, vintages,
                flags(input, trees, years));
    }

    /**
     * The loss a negative net stands for, in whole tCO2e: the ceiling of −net, exactly (−119.17 is a
     * loss of 120, −119 of 119); 0 when the net is zero or positive.
     */
    public static long lossCredits(Exact net) {
        return net.signum() < 0 ? net.negate().ceiling().longValueExact() : 0;
    }

    /**
     * The period's length in years: for each calendar year, the period's days in it over the year's
     * length. 2021-01-01 to 2025-12-31 is exactly 5.
     */
    public static Exact years(LocalDate start, LocalDate end) {
        Exact years = Exact.ZERO;
        for (int year = start.getYear(); year <= end.getYear(); year++) {
            LocalDate from = year == start.getYear() ? start : LocalDate.of(year, 1, 1);
            LocalDate to = year == end.getYear() ? end : LocalDate.of(year, 12, 31);
            years = years.plus(Exact.ratio(ChronoUnit.DAYS.between(from, to) + 1, from.lengthOfYear()));
        }
        return years;
    }

    private static void checkFit(CalculationInput input) {
        CalculationMethod method = input.method();
        if (input.treeStrata().isEmpty() && input.accumulationStrata().isEmpty() && input.soilStrata().isEmpty()) {
            throw new CalculationRefused("no-strata", "strata", "at-least-one-stratum",
                    "a report needs at least one stratum of trees or soil");
        }
        for (int i = 0; i < input.treeStrata().size(); i++) {
            TreeSpecies species = input.treeStrata().get(i).species();
            if (!method.treeHabitats().contains(species.habitat())) {
                throw new CalculationRefused("stratum-does-not-fit-method", "strata[" + i + "].species",
                        "fits-calculation-method", "species " + species.code() + " grows in " + species.habitat()
                                + ", which method " + method + " does not cover (it takes trees of "
                                + (method.treeHabitats().isEmpty() ? "no habitat" : method.treeHabitats()) + ")");
            }
            if (input.treeStrata().get(i).measurement() instanceof SamplePlots plots) {
                if (plots.plots().size() < 2) {
                    throw new CalculationRefused("too-few-plots", "strata[" + i + "].plots", "at-least-two-plots",
                            "a stratum measured by plots needs at least 2 plots to estimate its uncertainty");
                }
                boolean trees = plots.plots().stream().anyMatch(p -> p.start() instanceof PlotTrees
                        || p.end() instanceof PlotTrees);
                if (trees && plots.equation() == null) {
                    throw new CalculationRefused("volume-equation-required", "strata[" + i + "].volumeEquation",
                            "required-for-tree-measurements", "plots measured as trees need a volume equation");
                }
            }
        }
        for (int i = 0; i < input.accumulationStrata().size(); i++) {
            String type = input.accumulationStrata().get(i).landType();
            if (!method.accumulationLandTypes().contains(type)) {
                throw new CalculationRefused("stratum-does-not-fit-method", "soilAccumulation[" + i + "].landType",
                        "fits-calculation-method", "method " + method + " takes no soil accumulation of " + type
                                + " (it takes " + method.accumulationLandTypes() + ")");
            }
        }
        for (int i = 0; i < input.soilStrata().size(); i++) {
            String landClass = input.soilStrata().get(i).landClass();
            if (!method.soilLandClasses().contains(landClass)) {
                throw new CalculationRefused("stratum-does-not-fit-method", "soilCarbon[" + i + "].landClass",
                        "fits-calculation-method", "method " + method + " takes no Tier 1 soil factors of "
                                + landClass + " land (it takes " + method.soilLandClasses() + ")");
            }
        }
    }

    private static TreeResult tree(TreeStratum stratum, int index) {
        Exact factor = stratum.species().factors().co2PerCubicMetre();
        Exact area = Exact.of(stratum.areaHectares());
        Exact start;
        Exact end;
        PlotStatistics statistics = null;
        if (stratum.measurement() instanceof StandVolumes volumes) {
            start = Exact.of(volumes.startPerHectare());
            end = Exact.of(volumes.endPerHectare());
        } else {
            SamplePlots plots = (SamplePlots) stratum.measurement();
            statistics = plotStatistics(plots);
            Exact n = Exact.of(plots.plots().size());
            Exact sumStart = Exact.ZERO;
            Exact sumEnd = Exact.ZERO;
            for (PlotResult plot : statistics.plots()) {
                sumStart = sumStart.plus(plot.volumeStartPerHectare());
                sumEnd = sumEnd.plus(plot.volumeEndPerHectare());
            }
            start = sumStart.dividedBy(n);
            end = sumEnd.dividedBy(n);
        }
        Exact stockStart = area.times(start).times(factor);
        Exact stockEnd = area.times(end).times(factor);
        return new TreeResult(stratum, factor, start, end, stockStart, stockEnd, stockEnd.minus(stockStart),
                statistics);
    }

    private static PlotStatistics plotStatistics(SamplePlots plots) {
        List<PlotResult> results = new ArrayList<>();
        Exact sum = Exact.ZERO;
        for (TreeStratum.Plot plot : plots.plots()) {
            Exact area = Exact.of(plot.areaHectares());
            Exact start = volume(plot.start(), plots.equation());
            Exact end = volume(plot.end(), plots.equation());
            Exact change = end.minus(start).dividedBy(area);
            results.add(new PlotResult(start, end, start.dividedBy(area), end.dividedBy(area), change));
            sum = sum.plus(change);
        }
        Exact n = Exact.of(results.size());
        Exact mean = sum.dividedBy(n);
        Exact squares = Exact.ZERO;
        for (PlotResult plot : results) {
            Exact deviation = plot.changePerHectare().minus(mean);
            squares = squares.plus(deviation.times(deviation));
        }
        Exact variance = squares.dividedBy(n.minus(Exact.ONE));
        return new PlotStatistics(results, mean, variance, variance.dividedBy(n));
    }

    private static Exact volume(TreeStratum.PlotMeasure measure, VolumeEquation equation) {
        if (measure instanceof PlotVolume volume) {
            return Exact.of(volume.cubicMetres());
        }
        return ((PlotTrees) measure).trees().stream().map(t -> equation.volume(t.dbhCm(), t.heightM()))
                .reduce(Exact.ZERO, Exact::plus);
    }

    private static SoilResult soil(SoilCarbonStratum stratum, Exact years) {
        Exact reference = stratum.referenceStock().exact();
        Exact before = reference.times(stratum.before().product());
        Exact after = reference.times(stratum.after().product());
        Exact annual = after.minus(before).dividedBy(SOIL_TRANSITION_YEARS);
        Exact counted = years.compareTo(SOIL_TRANSITION_YEARS) > 0 ? SOIL_TRANSITION_YEARS : years;
        Exact removals = Exact.of(stratum.areaHectares()).times(annual).times(counted).times(CO2_PER_C);
        return new SoilResult(stratum, before, after, annual, counted, removals);
    }

    private static Uncertainty uncertainty(CalculationInput input, List<TreeResult> trees, Exact treeRemovals,
            Exact net) {
        boolean allPlots = !trees.isEmpty() && trees.stream().allMatch(t -> t.plots() != null);
        if (!allPlots) {
            BigDecimal stated = input.statedUncertaintyPercent();
            if (stated == null) {
                throw new CalculationRefused("uncertainty-required", "relativeUncertaintyPercent",
                        "required-unless-all-strata-by-plots", "state the relative uncertainty at 90% confidence: "
                                + "it is computed only when every tree stratum is measured by sample plots");
            }
            Exact fraction = Exact.of(stated).dividedBy(Exact.of(100));
            return new Uncertainty("STATED", fraction.times(fraction), stated, null, null);
        }
        if (treeRemovals.signum() <= 0) {
            if (net.signum() <= 0) {
                return null;
            }
            throw new CalculationRefused("uncertainty-too-high", "strata", "acceptable-uncertainty",
                    "the sample plots show no gain in trees, so their relative uncertainty is unbounded: "
                            + "more sample plots are needed");
        }
        int plots = 0;
        Exact variance = Exact.ZERO;
        for (TreeResult tree : trees) {
            plots += tree.plots().plots().size();
            Exact weight = Exact.of(tree.stratum().areaHectares()).times(tree.factor());
            variance = variance.plus(weight.times(weight).times(tree.plots().varianceOfMean()));
        }
        int degreesOfFreedom = plots - trees.size();
        BigDecimal t = StudentT.twoSided90(degreesOfFreedom);
        Exact tExact = Exact.of(t);
        Exact squared = tExact.times(tExact).times(variance).dividedBy(treeRemovals.times(treeRemovals));
        return new Uncertainty("PLOTS", squared, percentRoundedUp(squared), t, degreesOfFreedom);
    }

    /** 100 · √(U²), rounded up at 4 decimals so that the shown figure never looks better than the exact one. */
    static BigDecimal percentRoundedUp(Exact squaredFraction) {
        BigDecimal root = squaredFraction.decimal(40).sqrt(DISPLAY);
        return root.movePointRight(2).setScale(4, RoundingMode.CEILING);
    }

    private static CalculationRefused tooUncertain(Uncertainty uncertainty, UncertaintyDeduction deduction) {
        String maximum = deduction.maximumPercent().map(BigDecimal::toPlainString).orElse("?");
        boolean plots = "PLOTS".equals(uncertainty.source());
        return new CalculationRefused("uncertainty-too-high", plots ? "strata" : "relativeUncertaintyPercent",
                "acceptable-uncertainty", "a relative uncertainty of " + uncertainty.percent().toPlainString()
                        + "% is above the accepted " + maximum + "%: more sample plots are needed");
    }

    private static List<Flag> flags(CalculationInput input, List<TreeResult> trees, Exact years) {
        List<Flag> flags = new ArrayList<>();
        for (int i = 0; i < trees.size(); i++) {
            TreeResult tree = trees.get(i);
            TreeSpecies species = tree.stratum().species();
            if (species.maxAnnualIncrement() != null && years.signum() > 0) {
                Exact increment = tree.volumeEndPerHectare().minus(tree.volumeStartPerHectare()).dividedBy(years);
                if (increment.isGreaterThan(Exact.of(species.maxAnnualIncrement()))) {
                    flags.add(new Flag("strata[" + i + "]", "volume-increment-within-species-bound",
                            "mean annual stem volume increment of " + species.code() + " above its plausible maximum",
                            increment.decimal(2), species.maxAnnualIncrement(), species.source()));
                }
            }
            Parameter bound = input.carbonDensityBound();
            if (bound != null) {
                Exact density = tree.volumeEndPerHectare().times(species.factors().carbonPerCubicMetre());
                if (density.isGreaterThan(bound.exact())) {
                    flags.add(new Flag("strata[" + i + "]", "carbon-density-within-national-bound",
                            "tree carbon density (t C/ha) at the end of the period above the national bound",
                            density.decimal(2), bound.value(), bound.source()));
                }
            }
        }
        return flags;
    }

    /** The result as the figures a reader checks, to 4 decimals. */
    public static BigDecimal display(Exact value) {
        return value.decimal(4);
    }
}
