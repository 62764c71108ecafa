package org.carbonsink.verification.calculation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.carbonsink.verification.calculation.Fixtures.CHINESE_FIR;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.carbonsink.verification.calculation.CalculationResult.PlotStatistics;
import org.carbonsink.verification.calculation.TreeStratum.Plot;
import org.carbonsink.verification.calculation.TreeStratum.PlotTrees;
import org.carbonsink.verification.calculation.TreeStratum.PlotVolume;
import org.carbonsink.verification.calculation.TreeStratum.SamplePlots;
import org.carbonsink.verification.calculation.TreeStratum.Tree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Uncertainty from sample plots against a hand computation (docs/domain.md, "Forest by sample
 * plots"). Chinese fir, 100 ha, four plots of 0.1 ha, each 2.0 m³ at the start and 8.0, 8.0 − d/10,
 * 8.0 + d/10 and 8.0 m³ at the end: changes per ha 60, 60 − d, 60 + d, 60, mean 60, s² = 2d²/3,
 * SE = √(s²/4) = d/√6; the total is 100 ha · 60 · 1.1917447… = 7,150.4684 tCO2e whatever d is, and
 * U = t · SE / 60 with t(3 df) = 2.353.
 */
class PlotUncertaintyTest {

    static final TreeSpecies FIR = Fixtures.forest("CHINESE_FIR", CHINESE_FIR);

    @ParameterizedTest(name = "d = {0}: s² = {1}, U = {2}% -> deduction {3}, {4} credits")
    @CsvSource({
            "5,  16.666667, 8.0051,  0.00, 7150",
            "10, 66.666667, 16.0102, 0.06, 6721",
            "15, 150.000000, 24.0153, 0.11, 6363" })
    void deductsByTheBandOfTheComputedUncertainty(int d, String variance, String percent, String rate, long credits) {
        CalculationResult result = RemovalCalculation.calculate(Fixtures.forest(List.of(plots(d)), null, "0"));

        PlotStatistics statistics = result.trees().get(0).plots();
        assertThat(statistics.meanChange()).isEqualTo(Exact.of(60));
        assertThat(statistics.variance().decimal(6)).isEqualByComparingTo(variance);
        assertThat(statistics.variance()).isEqualTo(Exact.ratio(2L * d * d, 3));
        assertThat(result.treeRemovals().decimal(4)).isEqualByComparingTo("7150.4684");
        assertThat(result.uncertainty().source()).isEqualTo("PLOTS");
        assertThat(result.uncertainty().degreesOfFreedom()).isEqualTo(3);
        assertThat(result.uncertainty().tValue()).isEqualByComparingTo("2.353");
        assertThat(result.uncertainty().percent()).isEqualByComparingTo(percent);
        assertThat(result.deductionRate()).isEqualByComparingTo(rate);
        assertThat(result.credits()).isEqualTo(credits);
    }

    @Test
    void aboveThirtyPercentMorePlotsAreNeeded() {
        // d = 20: U = 32.0203%
        assertThatThrownBy(() -> RemovalCalculation.calculate(Fixtures.forest(List.of(plots(20)), null, "0")))
                .isInstanceOfSatisfying(CalculationRefused.class, refused -> {
                    assertThat(refused.slug()).isEqualTo("uncertainty-too-high");
                    assertThat(refused.field()).isEqualTo("strata");
                    assertThat(refused.getMessage()).contains("32.0203%", "more sample plots are needed");
                });
    }

    @Test
    void theStatedUncertaintyIsNotUsedWhenPlotsGiveIt() {
        CalculationResult result = RemovalCalculation.calculate(Fixtures.forest(List.of(plots(10)), "1", "0"));

        assertThat(result.deductionRate()).isEqualByComparingTo("0.06");
    }

    @Test
    void aStratumNeedsTwoPlots() {
        TreeStratum one = new TreeStratum(FIR, new BigDecimal("100"), new SamplePlots(
                List.of(plot("0.1", "2.0", "8.0")), null));

        assertThatThrownBy(() -> RemovalCalculation.calculate(Fixtures.forest(List.of(one), null, "0")))
                .isInstanceOfSatisfying(CalculationRefused.class,
                        refused -> assertThat(refused.rule()).isEqualTo("at-least-two-plots"));
    }

    /**
     * Trees by the volume equation V = 0.0000393 · D² · H: two plots of 0.04 ha on 10 ha. At the start
     * each plot has ten trees of 10 cm and 8 m (0.03144 m³ each, 0.3144 m³); at the end plot 1 has ten
     * of 20 cm and 15 m (0.2358 m³ each, 2.358 m³) and plot 2 nine of those and one of 22 cm and 16 m
     * (0.3043392 m³; 2.4265392 m³). Changes per ha 51.09 and 52.80348, mean 51.94674, s² =
     * 2 · 0.85674² = 1.4680068552; t(1 df) = 6.314, U = 10.4135% -> 6%. Total 10 · 51.94674 · 1.1917447…
     * = 619.0725 tCO2e, · 0.94 = 581.93 -> 581 credits.
     */
    @Test
    void treesMeasuredInPlotsGiveVolumeByTheEquation() {
        VolumeEquation equation = new VolumeEquation("GENERIC_FORM_FACTOR_0_5", BigDecimal.ZERO,
                new BigDecimal("0.0000393"), "test");
        List<Tree> start = Collections.nCopies(10, tree("10", "8"));
        List<Tree> end2 = new ArrayList<>(Collections.nCopies(9, tree("20", "15")));
        end2.add(tree("22", "16"));
        TreeStratum stratum = new TreeStratum(FIR, new BigDecimal("10"), new SamplePlots(List.of(
                new Plot(new BigDecimal("0.04"), new PlotTrees(start), new PlotTrees(Collections.nCopies(10, tree("20", "15")))),
                new Plot(new BigDecimal("0.04"), new PlotTrees(start), new PlotTrees(end2))), equation));

        CalculationResult result = RemovalCalculation.calculate(Fixtures.forest(List.of(stratum), null, "0"));

        PlotStatistics statistics = result.trees().get(0).plots();
        assertThat(statistics.plots().get(1).volumeEnd()).isEqualTo(Exact.of("2.4265392"));
        assertThat(statistics.meanChange()).isEqualTo(Exact.of("51.94674"));
        assertThat(statistics.variance()).isEqualTo(Exact.of("1.4680068552"));
        assertThat(result.uncertainty().percent()).isEqualByComparingTo("10.4135");
        assertThat(result.treeRemovals().decimal(4)).isEqualByComparingTo("619.0725");
        assertThat(result.credits()).isEqualTo(581);
    }

    @Test
    void plotsOfTreesNeedAnEquation() {
        TreeStratum stratum = new TreeStratum(FIR, new BigDecimal("10"), new SamplePlots(List.of(
                new Plot(new BigDecimal("0.04"), new PlotTrees(List.of(tree("10", "8"))), new PlotVolume(BigDecimal.ONE)),
                plot("0.04", "0.1", "1")), null));

        assertThatThrownBy(() -> RemovalCalculation.calculate(Fixtures.forest(List.of(stratum), null, "0")))
                .isInstanceOfSatisfying(CalculationRefused.class,
                        refused -> assertThat(refused.field()).isEqualTo("strata[0].volumeEquation"));
    }

    static TreeStratum plots(int d) {
        BigDecimal tenth = BigDecimal.valueOf(d).movePointLeft(1);
        return new TreeStratum(FIR, new BigDecimal("100"), new SamplePlots(List.of(
                plot("0.1", "2.0", "8.0"),
                plot("0.1", "2.0", new BigDecimal("8.0").subtract(tenth).toPlainString()),
                plot("0.1", "2.0", new BigDecimal("8.0").add(tenth).toPlainString()),
                plot("0.1", "2.0", "8.0")), null));
    }

    static Plot plot(String area, String start, String end) {
        return new Plot(new BigDecimal(area), new PlotVolume(new BigDecimal(start)), new PlotVolume(new BigDecimal(end)));
    }

    static Tree tree(String dbh, String height) {
        return new Tree(new BigDecimal(dbh), new BigDecimal(height));
    }
}
