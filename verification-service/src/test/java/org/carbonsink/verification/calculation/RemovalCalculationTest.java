package org.carbonsink.verification.calculation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.carbonsink.verification.calculation.Fixtures.CHINESE_FIR;
import static org.carbonsink.verification.calculation.Fixtures.EUCALYPTUS;
import static org.carbonsink.verification.calculation.Fixtures.MASSON_PINE;
import static org.carbonsink.verification.calculation.Fixtures.POPLAR;
import static org.carbonsink.verification.calculation.Fixtures.byVolume;
import static org.carbonsink.verification.calculation.Fixtures.forest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.carbonsink.verification.calculation.CalculationResult.TreeResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The forest worked examples of docs/domain.md (species defaults [V]), reproduced to the stated decimals. */
class RemovalCalculationTest {

    static final TreeSpecies FIR = forest("CHINESE_FIR", CHINESE_FIR);
    static final BigDecimal IPCC_DEFAULT_CARBON_FRACTION = new BigDecimal("0.47");

    @Test
    void chineseFirOneHundredHectaresFromTwentyToEightyCubicMetres() {
        CalculationResult result = RemovalCalculation.calculate(forest(List.of(byVolume(FIR, "100", "20", "80")), "5", "0"));

        TreeResult stratum = result.trees().get(0);
        assertThat(stratum.factor().decimal(6)).isEqualByComparingTo("1.191745");
        assertThat(stratum.stockStart().decimal(4)).isEqualByComparingTo("2383.4895");
        assertThat(stratum.stockEnd().decimal(4)).isEqualByComparingTo("9533.9579");
        assertThat(stratum.removals().decimal(4)).isEqualByComparingTo("7150.4684");
        // exactly: 100 · 60 · 0.307 · 1.634 · 1.246 · 0.52 · 44 / 12
        assertThat(result.netRemovals()).isEqualTo(Exact.of("21451.40533536").dividedBy(Exact.of(3)));
        assertThat(result.credits()).isEqualTo(7150);
    }

    @Test
    void aFallingStockIsALossRoundedUpWithNoCredits() {
        // 100 ha of Chinese fir losing 1 m³/ha: −1.191745 · 100 = −119.1745 tCO2e
        CalculationResult result = RemovalCalculation.calculate(forest(List.of(byVolume(FIR, "100", "80", "79")), "5", "0"));

        assertThat(result.netRemovals().decimal(4)).isEqualByComparingTo("-119.1745");
        assertThat(result.credits()).isZero();
        assertThat(result.bufferCredits()).isZero();
        assertThat(result.lossCredits()).isEqualTo(120);
    }

    @Test
    void aGrowingStockIsNoLoss() {
        CalculationResult result = RemovalCalculation.calculate(forest(List.of(byVolume(FIR, "100", "20", "80")), "5", "0"));

        assertThat(result.lossCredits()).isZero();
    }

    @ParameterizedTest(name = "net {0} is a loss of {1}")
    @CsvSource({
            "-119.17,      120",
            "-119,         119",
            "-119.00001,   120",
            "-0.0001,      1",
            "0,            0",
            "0.5,          0",
            "7150.4684,    0" })
    void aLossIsTheCeilingOfTheNegatedNetInWholeTonnes(String net, long loss) {
        assertThat(RemovalCalculation.lossCredits(Exact.of(net))).isEqualTo(loss);
    }

    @Test
    void aLossIsRoundedUpFromTheExactNetNotFromItsFourDecimals() {
        // −119 − 1/30000 shows as −119.0000 but is more than 119 tonnes lost
        Exact net = Exact.of(-119).minus(Exact.ratio(1, 30000));

        assertThat(net.decimal(4)).isEqualByComparingTo("-119.0000");
        assertThat(RemovalCalculation.lossCredits(net)).isEqualTo(120);
    }

    @Test
    void chineseFirExampleWithASixPercentDeductionGives6721Credits() {
        CalculationResult result = RemovalCalculation.calculate(forest(List.of(byVolume(FIR, "100", "20", "80")), "15", "0"));

        assertThat(result.deductionRate()).isEqualByComparingTo("0.06");
        assertThat(result.credits()).isEqualTo(6721);
    }

    @ParameterizedTest(name = "{0}: {1} tCO2e with its own CF, {2} with CF 0.47")
    @CsvSource({
            "CHINESE_FIR, 7150.4684, 6462.92",
            "MASSON_PINE, 6719.2784, 6865.35",
            "POPLAR,      7318.2799, 6934.66",
            "EUCALYPTUS,  10295.0589, 9216.53" })
    void sixtyCubicMetresPerHectareOnOneHundredHectaresForEachSpecies(String code, String withOwnCarbonFraction,
            String withIpccDefault) {
        SpeciesFactors factors = switch (code) {
            case "CHINESE_FIR" -> CHINESE_FIR;
            case "MASSON_PINE" -> MASSON_PINE;
            case "POPLAR" -> POPLAR;
            case "EUCALYPTUS" -> EUCALYPTUS;
            default -> throw new IllegalArgumentException(code);
        };

        CalculationResult own = RemovalCalculation.calculate(
                forest(List.of(byVolume(forest(code, factors), "100", "20", "80")), "5", "0"));
        CalculationResult ipcc = RemovalCalculation.calculate(forest(List.of(byVolume(
                forest(code, factors.withCarbonFraction(IPCC_DEFAULT_CARBON_FRACTION)), "100", "20", "80")), "5", "0"));

        assertThat(own.netRemovals().decimal(4)).isEqualByComparingTo(withOwnCarbonFraction);
        assertThat(ipcc.netRemovals().decimal(2)).isEqualByComparingTo(withIpccDefault);
    }

    /** docs/domain.md: a net of 9,999.99996 gives 9,999, never 10,000, though it shows as 10,000.0000. */
    @Test
    void aNetAHairUnderAWholeTonneIsNeverRoundedUpToIt() {
        // 300 ha from 20 to 80 m³/ha of Chinese fir is exactly 21,451.40533536 tCO2e
        CalculationInput input = new CalculationInput(CalculationMethod.FOREST_STOCK_DIFFERENCE, Fixtures.START,
                Fixtures.END, List.of(byVolume(FIR, "300", "20", "80")), List.of(), List.of(),
                new BigDecimal("11451.40537536"), BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("5"),
                Fixtures.BANDS, BigDecimal.ZERO, null);

        CalculationResult result = RemovalCalculation.calculate(input);

        assertThat(result.netRemovals()).isEqualTo(Exact.of("9999.99996"));
        assertThat(result.netRemovals().decimal(4)).isEqualByComparingTo("10000.0000");
        assertThat(result.credits()).isEqualTo(9999);
    }

    @Test
    void sumsStrataBeforeRoundingAndSubtractsBaselineLeakageAndProjectEmissions() {
        CalculationInput input = new CalculationInput(CalculationMethod.FOREST_STOCK_DIFFERENCE, Fixtures.START,
                Fixtures.END, List.of(byVolume(FIR, "60", "20", "80"), byVolume(FIR, "40", "20", "80")), List.of(),
                List.of(), new BigDecimal("100"), new BigDecimal("50.4684"), BigDecimal.ZERO, new BigDecimal("5"),
                Fixtures.BANDS, new BigDecimal("0.10"), null);

        CalculationResult result = RemovalCalculation.calculate(input);

        // 60 ha and 40 ha of the same stand are the 100 ha example split in two
        assertThat(result.treeRemovals().decimal(4)).isEqualByComparingTo("7150.4684");
        assertThat(result.netRemovals().decimal(8)).isEqualByComparingTo("7000.00004512");
        assertThat(result.credits()).isEqualTo(7000);
    }

    @Test
    void bufferRoundsUpPerVintageAndCreditsRoundDown() {
        CalculationResult result = RemovalCalculation.calculate(
                forest(List.of(byVolume(FIR, "100", "20", "80")), "15", "0.10"));

        // 6721 credits over five whole years of 365 or 366 days of 1826
        assertThat(result.credits()).isEqualTo(6721);
        assertThat(result.vintages()).extracting(Vintage::year).containsExactly(2021, 2022, 2023, 2024, 2025);
        assertThat(result.vintages()).extracting(Vintage::credits).containsExactly(1343L, 1343L, 1343L, 1347L, 1345L);
        assertThat(result.vintages()).extracting(Vintage::bufferCredits).containsExactly(135L, 135L, 135L, 135L, 135L);
        assertThat(result.bufferCredits()).isEqualTo(675);
    }

    /**
     * An example worked by hand outside this code, in exact fractions: two species, every deduction, the
     * 11% band, and a period over three calendar years that starts and ends mid-year.
     * Masson pine 50 ha × 60 m³/ha × 1.11987973973… = 3,359.6392192; eucalyptus 20 ha × 40 m³/ha ×
     * 1.71584315595 = 1,372.67452476; trees 4,732.31374396; net 4,732.31374396 − 100.5 − 20.25 − 3 =
     * 4,608.56374396; × 0.89 = 4,101.6217321244 → 4,101 credits. 2023-07-01 to 2025-06-30 is 731 days:
     * 184, 366 and 181 of them → floor(4101·184/731) = 1,032, floor(4101·366/731) = 2,053, the rest 1,016;
     * buffers at 12% ceil(123.84) = 124, ceil(246.36) = 247, ceil(121.92) = 122.
     */
    @Test
    void twoSpeciesWithEveryDeductionOverThreeCalendarYearsMatchTheHandWorkedExample() {
        CalculationInput input = new CalculationInput(CalculationMethod.FOREST_STOCK_DIFFERENCE,
                java.time.LocalDate.of(2023, 7, 1), java.time.LocalDate.of(2025, 6, 30),
                List.of(byVolume(forest("MASSON_PINE", MASSON_PINE), "50", "10", "70"),
                        byVolume(forest("EUCALYPTUS", EUCALYPTUS), "20", "5", "45")),
                List.of(), List.of(), new BigDecimal("100.5"), new BigDecimal("20.25"), new BigDecimal("3"),
                new BigDecimal("25"), Fixtures.BANDS, new BigDecimal("0.12"), null);

        CalculationResult result = RemovalCalculation.calculate(input);

        assertThat(result.treeRemovals()).isEqualTo(Exact.of("4732.31374396"));
        assertThat(result.netRemovals()).isEqualTo(Exact.of("4608.56374396"));
        assertThat(result.deductionRate()).isEqualByComparingTo("0.11");
        assertThat(result.credits()).isEqualTo(4101);
        assertThat(result.vintages()).extracting(Vintage::year).containsExactly(2023, 2024, 2025);
        assertThat(result.vintages()).extracting(Vintage::days).containsExactly(184L, 366L, 181L);
        assertThat(result.vintages()).extracting(Vintage::credits).containsExactly(1032L, 2053L, 1016L);
        assertThat(result.vintages()).extracting(Vintage::bufferCredits).containsExactly(124L, 247L, 122L);
        assertThat(result.bufferCredits()).isEqualTo(493);
    }

    @Test
    void aLossOfCarbonSupportsNoCredits() {
        CalculationResult result = RemovalCalculation.calculate(
                forest(List.of(byVolume(forest("POPLAR", POPLAR), "10", "80", "20")), "5", "0.10"));

        assertThat(result.netRemovals().signum()).isNegative();
        assertThat(result.credits()).isZero();
        assertThat(result.bufferCredits()).isZero();
    }

    @Test
    void refusesNegativeInputs() {
        assertThatThrownBy(() -> byVolume(FIR, "10", "-1", "20"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("volumeStartPerHectare");
        assertThatThrownBy(() -> new CalculationInput(CalculationMethod.FOREST_STOCK_DIFFERENCE, Fixtures.START,
                Fixtures.END, List.of(byVolume(FIR, "10", "1", "20")), List.of(), List.of(), new BigDecimal("-1"),
                BigDecimal.ZERO, BigDecimal.ZERO, null, Fixtures.BANDS, BigDecimal.ZERO, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baselineRemovals");
    }

    @Test
    void statesTheUncertaintyUnlessEveryStratumHasPlots() {
        assertThatThrownBy(() -> RemovalCalculation.calculate(forest(List.of(byVolume(FIR, "100", "20", "80")), null, "0")))
                .isInstanceOfSatisfying(CalculationRefused.class, refused -> {
                    assertThat(refused.slug()).isEqualTo("uncertainty-required");
                    assertThat(refused.field()).isEqualTo("relativeUncertaintyPercent");
                });
        assertThatThrownBy(() -> RemovalCalculation.calculate(forest(List.of(byVolume(FIR, "100", "20", "80")), "30.01", "0")))
                .isInstanceOfSatisfying(CalculationRefused.class, refused -> {
                    assertThat(refused.slug()).isEqualTo("uncertainty-too-high");
                    assertThat(refused.getMessage()).contains("more sample plots");
                });
    }

    @Test
    void theYearsOfAPeriodAreExactPerCalendarYear() {
        assertThat(RemovalCalculation.years(Fixtures.START, Fixtures.END)).isEqualTo(Exact.of(5));
        // half of 2024 (leap year): 182 of 366 days
        assertThat(RemovalCalculation.years(java.time.LocalDate.of(2024, 1, 1), java.time.LocalDate.of(2024, 6, 30)))
                .isEqualTo(Exact.ratio(182, 366));
    }

    @Test
    void shownPercentIsNeverBetterThanTheExactOne() {
        assertThat(RemovalCalculation.percentRoundedUp(Exact.ratio(1, 100))).isEqualByComparingTo("10.0000");
        assertThat(RemovalCalculation.percentRoundedUp(Exact.ratio(1, 100).plus(Exact.ratio(1, 1_000_000_000_000L))))
                .isEqualByComparingTo("10.0001");
        assertThat(new BigDecimal("10.00005").setScale(4, RoundingMode.HALF_EVEN)).isEqualByComparingTo("10.0000");
    }
}
