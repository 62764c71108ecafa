package org.carbonsink.verification.calculation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The worked examples of docs/domain.md (species defaults [V]), reproduced to the stated decimals. */
class RemovalCalculationTest {

    static final SpeciesFactors CHINESE_FIR = factors("0.307", "1.634", "0.246", "0.520");
    static final SpeciesFactors MASSON_PINE = factors("0.380", "1.472", "0.187", "0.460");
    static final SpeciesFactors POPLAR = factors("0.378", "1.446", "0.227", "0.496");
    static final SpeciesFactors EUCALYPTUS = factors("0.578", "1.263", "0.221", "0.525");
    static final BigDecimal IPCC_DEFAULT_CARBON_FRACTION = new BigDecimal("0.47");

    @Test
    void chineseFirOneHundredHectaresFromTwentyToEightyCubicMetres() {
        Removals removals = calculate(List.of(stratum("CHINESE_FIR", CHINESE_FIR, "100", "20", "80")), "0", "0");

        StratumRemovals stratum = removals.strata().get(0);
        assertThat(stratum.factor()).isEqualByComparingTo("1.191745");
        assertThat(stratum.carbonStart()).isEqualByComparingTo("2383.4895");
        assertThat(stratum.carbonEnd()).isEqualByComparingTo("9533.9579");
        assertThat(stratum.removals()).isEqualByComparingTo("7150.4684");
        assertThat(removals.deltaCTree()).isEqualByComparingTo("7150.4684");
        assertThat(removals.netRemovals()).isEqualByComparingTo("7150.4684");
        assertThat(removals.netRemovals().scale()).isEqualTo(4);
        assertThat(removals.verifiedCredits()).isEqualTo(7150);
    }

    @Test
    void chineseFirExampleWithASixPercentDeductionGives6721Credits() {
        Removals removals = calculate(List.of(stratum("CHINESE_FIR", CHINESE_FIR, "100", "20", "80")), "0.06", "0");

        assertThat(removals.netRemovals()).isEqualByComparingTo("7150.4684");
        assertThat(removals.verifiedCredits()).isEqualTo(6721);
    }

    @ParameterizedTest(name = "{0}: {1} tCO2e with its own CF, {2} with CF 0.47")
    @CsvSource({
            "CHINESE_FIR, 7150.4684, 6462.92",
            "MASSON_PINE, 6719.2784, 6865.35",
            "POPLAR,      7318.2799, 6934.66",
            "EUCALYPTUS,  10295.0589, 9216.53" })
    void sixtyCubicMetresPerHectareOnOneHundredHectaresForEachSpecies(String species, String withOwnCarbonFraction,
            String withIpccDefault) {
        SpeciesFactors factors = switch (species) {
            case "CHINESE_FIR" -> CHINESE_FIR;
            case "MASSON_PINE" -> MASSON_PINE;
            case "POPLAR" -> POPLAR;
            case "EUCALYPTUS" -> EUCALYPTUS;
            default -> throw new IllegalArgumentException(species);
        };

        Removals own = calculate(List.of(stratum(species, factors, "100", "20", "80")), "0", "0");
        Removals ipcc = calculate(List.of(stratum(species, factors.withCarbonFraction(IPCC_DEFAULT_CARBON_FRACTION),
                "100", "20", "80")), "0", "0");

        assertThat(own.netRemovals()).isEqualByComparingTo(withOwnCarbonFraction);
        assertThat(ipcc.netRemovals().setScale(2, RoundingMode.HALF_EVEN)).isEqualByComparingTo(withIpccDefault);
    }

    @Test
    void sumsStrataBeforeRoundingAndSubtractsBaselineLeakageAndProjectEmissions() {
        Removals removals = RemovalCalculation.calculate(List.of(
                        stratum("CHINESE_FIR", CHINESE_FIR, "60", "20", "80"),
                        stratum("CHINESE_FIR", CHINESE_FIR, "40", "20", "80")),
                new BigDecimal("100"), new BigDecimal("50.4684"), new BigDecimal("0.0000"),
                BigDecimal.ZERO, new BigDecimal("0.10"));

        // 60 ha and 40 ha of the same stand are the 100 ha example split in two
        assertThat(removals.deltaCTree()).isEqualByComparingTo("7150.4684");
        assertThat(removals.netRemovals()).isEqualByComparingTo("7000.0000");
        assertThat(removals.verifiedCredits()).isEqualTo(7000);
        assertThat(removals.bufferCredits()).isEqualTo(700);
    }

    @Test
    void bufferRoundsUpAndCreditsRoundDown() {
        Removals removals = calculate(List.of(stratum("CHINESE_FIR", CHINESE_FIR, "100", "20", "80")), "0", "0.10");

        // 7150.4684 -> 7150 credits; 10% of 7150 is exactly 715
        assertThat(removals.verifiedCredits()).isEqualTo(7150);
        assertThat(removals.bufferCredits()).isEqualTo(715);

        Removals odd = calculate(List.of(stratum("CHINESE_FIR", CHINESE_FIR, "100", "20", "80")), "0.06", "0.10");
        // 6721 credits, 10% is 672.1 -> 673 to the buffer
        assertThat(odd.bufferCredits()).isEqualTo(673);
    }

    @Test
    void aLossOfCarbonSupportsNoCredits() {
        Removals removals = calculate(List.of(stratum("POPLAR", POPLAR, "10", "80", "20")), "0", "0.10");

        assertThat(removals.netRemovals().signum()).isNegative();
        assertThat(removals.verifiedCredits()).isZero();
        assertThat(removals.bufferCredits()).isZero();
    }

    @Test
    void refusesNegativeInputs() {
        assertThatThrownBy(() -> stratum("POPLAR", POPLAR, "10", "-1", "20"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("volumeStartPerHectare");
        assertThatThrownBy(() -> RemovalCalculation.calculate(List.of(stratum("POPLAR", POPLAR, "10", "1", "20")),
                new BigDecimal("-1"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baselineRemovals");
    }

    private static Removals calculate(List<Stratum> strata, String deductionRate, String bufferRate) {
        return RemovalCalculation.calculate(strata, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                new BigDecimal(deductionRate), new BigDecimal(bufferRate));
    }

    private static Stratum stratum(String species, SpeciesFactors factors, String area, String start, String end) {
        return new Stratum(species, factors, new BigDecimal(area), new BigDecimal(start), new BigDecimal(end));
    }

    private static SpeciesFactors factors(String svd, String bef, String r, String cf) {
        return new SpeciesFactors(new BigDecimal(svd), new BigDecimal(bef), new BigDecimal(r), new BigDecimal(cf));
    }
}
