package org.carbonsink.verification.calculation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.carbonsink.verification.calculation.Fixtures.BANDS;
import static org.carbonsink.verification.calculation.Fixtures.CHINESE_FIR;
import static org.carbonsink.verification.calculation.Fixtures.byVolume;
import static org.carbonsink.verification.calculation.Fixtures.factors;
import static org.carbonsink.verification.calculation.Fixtures.parameter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.carbonsink.verification.calculation.SoilCarbonStratum.SoilFactors;
import org.junit.jupiter.api.Test;

/** The worked examples of the other methods, as in docs/domain.md, figures checked by hand there. */
class MethodsTest {

    static final TreeSpecies KANDELIA = new TreeSpecies("KANDELIA_OBOVATA", "MANGROVE",
            factors("0.600", "1.500", "0.500", "0.450"), null, "test");

    /**
     * Mangrove, 2021–2025 (5 years): 50 ha of trees from 10 to 40 m³/ha with SVD 0.6, BEF 1.5, R 0.5,
     * CF 0.45: factor 0.6 · 1.5 · 1.5 · 0.45 · 44/12 = 2.2275 tCO2e/m³, 50 · 30 · 2.2275 = 3,341.25; soil
     * 50 ha · 1.62 t C/ha/yr · 5 = 405 t C = 1,485 tCO2e. Net 4,826.25 -> 4,826 credits at 5%.
     */
    @Test
    void mangroveIsTreesPlusSoilAccumulation() {
        CalculationResult result = RemovalCalculation.calculate(new CalculationInput(
                CalculationMethod.MANGROVE_BIOMASS_AND_SOIL, Fixtures.START, Fixtures.END,
                List.of(byVolume(KANDELIA, "50", "10", "40")),
                List.of(new SoilAccumulationStratum("MANGROVE", new BigDecimal("50"), parameter("MANGROVE", "1.62"))),
                List.of(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("5"), BANDS,
                new BigDecimal("0.10"), null));

        assertThat(result.trees().get(0).factor()).isEqualTo(Exact.of("2.2275"));
        assertThat(result.treeRemovals()).isEqualTo(Exact.of("3341.25"));
        assertThat(result.accumulations().get(0).carbon()).isEqualTo(Exact.of(405));
        assertThat(result.soilRemovals()).isEqualTo(Exact.of(1485));
        assertThat(result.netRemovals()).isEqualTo(Exact.of("4826.25"));
        assertThat(result.credits()).isEqualTo(4826);
    }

    /**
     * Wetland, 2022–2023 (2 years): 200 ha tidal marsh at 0.91 t C/ha/yr = 364 t C = 1,334.6667 tCO2e;
     * 100 ha seagrass at 0.43 = 86 t C = 315.3333 tCO2e; together exactly 450 t C = 1,650 tCO2e.
     */
    @Test
    void wetlandSoilAccumulationOfTidalMarshAndSeagrass() {
        CalculationResult result = RemovalCalculation.calculate(new CalculationInput(
                CalculationMethod.WETLAND_BIOMASS_AND_SOIL, LocalDate.of(2022, 1, 1), LocalDate.of(2023, 12, 31),
                List.of(), List.of(
                        new SoilAccumulationStratum("TIDAL_MARSH", new BigDecimal("200"), parameter("TIDAL_MARSH", "0.91")),
                        new SoilAccumulationStratum("SEAGRASS", new BigDecimal("100"), parameter("SEAGRASS", "0.43"))),
                List.of(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("5"), BANDS,
                BigDecimal.ZERO, null));

        assertThat(result.accumulations().get(0).removals().decimal(4)).isEqualByComparingTo("1334.6667");
        assertThat(result.accumulations().get(1).removals().decimal(4)).isEqualByComparingTo("315.3333");
        assertThat(result.netRemovals()).isEqualTo(Exact.of(1650));
        assertThat(result.credits()).isEqualTo(1650);
    }

    /**
     * Grassland, 2021–2025: SOC_ref 50 t C/ha; severely degraded (F_MG 0.7) restored to nominally
     * managed (1.0), F_LU and F_I 1: 35 -> 50 t C/ha, 15 / 20 = 0.75 t C/ha/yr; 1,000 ha · 5 years =
     * 3,750 t C = 13,750 tCO2e.
     */
    @Test
    void grasslandSoilCarbonByTier1() {
        CalculationResult result = RemovalCalculation.calculate(soil(CalculationMethod.GRASSLAND_SOIL_TIER1, "GRASSLAND",
                "1000", "50", soilFactors("1", "0.7", "1"), soilFactors("1", "1", "1"), Fixtures.START, Fixtures.END));

        assertThat(result.soils().get(0).stockBefore()).isEqualTo(Exact.of(35));
        assertThat(result.soils().get(0).stockAfter()).isEqualTo(Exact.of(50));
        assertThat(result.soils().get(0).annualChangePerHectare()).isEqualTo(Exact.of("0.75"));
        assertThat(result.netRemovals()).isEqualTo(Exact.of(13750));
        assertThat(result.credits()).isEqualTo(13750);
    }

    /**
     * Farmland, 2023–2025 (3 years): SOC_ref 38 t C/ha, long-term cultivated (F_LU 0.80), full tillage
     * (1.00), medium input (1.00) = 30.4 t C/ha, to no-till (1.10) and high input (1.04) = 34.7776;
     * (34.7776 − 30.4) / 20 = 0.21888 t C/ha/yr; 500 ha · 3 years = 328.32 t C = 1,203.84 tCO2e -> 1,203.
     */
    @Test
    void farmlandSoilCarbonByTier1() {
        CalculationResult result = RemovalCalculation.calculate(soil(CalculationMethod.FARMLAND_SOIL_TIER1, "FARMLAND",
                "500", "38", soilFactors("0.80", "1.00", "1.00"), soilFactors("0.80", "1.10", "1.04"),
                LocalDate.of(2023, 1, 1), LocalDate.of(2025, 12, 31)));

        assertThat(result.soils().get(0).stockBefore()).isEqualTo(Exact.of("30.4"));
        assertThat(result.soils().get(0).stockAfter()).isEqualTo(Exact.of("34.7776"));
        assertThat(result.netRemovals()).isEqualTo(Exact.of("1203.84"));
        assertThat(result.credits()).isEqualTo(1203);
    }

    @Test
    void soilChangeStopsAfterTwentyYears() {
        CalculationResult result = RemovalCalculation.calculate(soil(CalculationMethod.GRASSLAND_SOIL_TIER1, "GRASSLAND",
                "1", "50", soilFactors("1", "0.7", "1"), soilFactors("1", "1", "1"), LocalDate.of(2021, 1, 1),
                LocalDate.of(2045, 12, 31)));

        assertThat(result.soils().get(0).yearsCounted()).isEqualTo(Exact.of(20));
        assertThat(result.netRemovals()).isEqualTo(Exact.of(15).times(Exact.ratio(44, 12)));
    }

    @Test
    void refusesAStratumTheMethodDoesNotCover() {
        TreeSpecies fir = Fixtures.forest("CHINESE_FIR", CHINESE_FIR);
        assertThatThrownBy(() -> RemovalCalculation.calculate(new CalculationInput(
                CalculationMethod.MANGROVE_BIOMASS_AND_SOIL, Fixtures.START, Fixtures.END,
                List.of(byVolume(fir, "10", "10", "40")), List.of(), List.of(), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, new BigDecimal("5"), BANDS, BigDecimal.ZERO, null)))
                .isInstanceOfSatisfying(CalculationRefused.class, refused -> {
                    assertThat(refused.slug()).isEqualTo("stratum-does-not-fit-method");
                    assertThat(refused.field()).isEqualTo("strata[0].species");
                });
        assertThatThrownBy(() -> RemovalCalculation.calculate(soil(CalculationMethod.GRASSLAND_SOIL_TIER1, "FARMLAND",
                "1", "50", soilFactors("1", "1", "1"), soilFactors("1", "1", "1"), Fixtures.START, Fixtures.END)))
                .isInstanceOfSatisfying(CalculationRefused.class,
                        refused -> assertThat(refused.field()).isEqualTo("soilCarbon[0].landClass"));
        assertThatThrownBy(() -> RemovalCalculation.calculate(new CalculationInput(
                CalculationMethod.FOREST_STOCK_DIFFERENCE, Fixtures.START, Fixtures.END, List.of(),
                List.of(new SoilAccumulationStratum("MANGROVE", BigDecimal.ONE, parameter("MANGROVE", "1.62"))),
                List.of(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("5"), BANDS,
                BigDecimal.ZERO, null)))
                .isInstanceOfSatisfying(CalculationRefused.class,
                        refused -> assertThat(refused.field()).isEqualTo("soilAccumulation[0].landType"));
    }

    @Test
    void derivesTheMethodOfAnOldRegistration() {
        assertThat(CalculationMethod.derive("CCER-14-001-V01", "FOREST")).contains(CalculationMethod.FOREST_STOCK_DIFFERENCE);
        assertThat(CalculationMethod.derive("CCER-14-002-V01", "MANGROVE")).contains(CalculationMethod.MANGROVE_BIOMASS_AND_SOIL);
        assertThat(CalculationMethod.derive("PILOT-WETLAND-V01", "WETLAND")).contains(CalculationMethod.WETLAND_BIOMASS_AND_SOIL);
        assertThat(CalculationMethod.derive("PILOT-GRASSLAND-V01", "GRASSLAND")).contains(CalculationMethod.GRASSLAND_SOIL_TIER1);
        assertThat(CalculationMethod.derive("DRAFT-FARMLAND-V01", "FARMLAND")).contains(CalculationMethod.FARMLAND_SOIL_TIER1);
        assertThat(CalculationMethod.derive("CCER-01-001-V01", "SHRUBLAND")).isEmpty();
    }

    /**
     * Plausibility: Chinese fir with a plausible maximum increment of 10 m³/ha/yr grows 60 m³/ha in
     * 5 years (12/yr): flagged; its end stock 80 m³/ha holds 80 · 0.307 · 1.634 · 1.246 · 0.52 =
     * 26.00 t C/ha, flagged against a bound of 20 and not against 166.68. Flags never change the credits.
     */
    @Test
    void flagsImplausibleGrowthWithTheBoundAndItsSource() {
        TreeSpecies fir = new TreeSpecies("CHINESE_FIR", "FOREST", CHINESE_FIR, new BigDecimal("10"), "growth table [V]");
        CalculationInput input = new CalculationInput(CalculationMethod.FOREST_STOCK_DIFFERENCE, Fixtures.START,
                Fixtures.END, List.of(byVolume(fir, "100", "20", "80")), List.of(), List.of(), BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("5"), BANDS, BigDecimal.ZERO,
                new Parameter("TREE_CARBON_DENSITY_BOUND", new BigDecimal("20"), "national inventory"));

        CalculationResult result = RemovalCalculation.calculate(input);

        assertThat(result.flags()).extracting(CalculationResult.Flag::rule)
                .containsExactly("volume-increment-within-species-bound", "carbon-density-within-national-bound");
        assertThat(result.flags().get(0).value()).isEqualByComparingTo("12.00");
        assertThat(result.flags().get(0).bound()).isEqualByComparingTo("10");
        assertThat(result.flags().get(0).source()).isEqualTo("growth table [V]");
        assertThat(result.flags().get(1).value()).isEqualByComparingTo("26.00");
        assertThat(result.credits()).isEqualTo(7150);

        CalculationInput plausible = new CalculationInput(CalculationMethod.FOREST_STOCK_DIFFERENCE, Fixtures.START,
                Fixtures.END, List.of(byVolume(Fixtures.forest("CHINESE_FIR", CHINESE_FIR), "100", "20", "80")),
                List.of(), List.of(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("5"), BANDS,
                BigDecimal.ZERO, new Parameter("TREE_CARBON_DENSITY_BOUND", new BigDecimal("166.68"), "national inventory"));
        assertThat(RemovalCalculation.calculate(plausible).flags()).isEmpty();
    }

    private static CalculationInput soil(CalculationMethod method, String landClass, String area, String reference,
            SoilFactors before, SoilFactors after, LocalDate start, LocalDate end) {
        return new CalculationInput(method, start, end, List.of(), List.of(), List.of(new SoilCarbonStratum(landClass,
                new BigDecimal(area), parameter("SOC_REF", reference), before, after)), BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("5"), BANDS, BigDecimal.ZERO, null);
    }

    private static SoilFactors soilFactors(String landUse, String management, String input) {
        return new SoilFactors(parameter("F_LU", landUse), parameter("F_MG", management), parameter("F_I", input));
    }
}
