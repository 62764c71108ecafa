package org.carbonsink.verification.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.carbonsink.verification.calculation.TreeStratum.StandVolumes;

/** Inputs of the worked examples: the species defaults and bands of docs/domain.md, named sources omitted. */
final class Fixtures {

    static final SpeciesFactors CHINESE_FIR = factors("0.307", "1.634", "0.246", "0.520");
    static final SpeciesFactors MASSON_PINE = factors("0.380", "1.472", "0.187", "0.460");
    static final SpeciesFactors POPLAR = factors("0.378", "1.446", "0.227", "0.496");
    static final SpeciesFactors EUCALYPTUS = factors("0.578", "1.263", "0.221", "0.525");

    static final List<UncertaintyBand> BANDS = List.of(band("10", "0.00"), band("20", "0.06"), band("30", "0.11"));

    static final LocalDate START = LocalDate.of(2021, 1, 1);
    static final LocalDate END = LocalDate.of(2025, 12, 31);

    private Fixtures() {
    }

    static SpeciesFactors factors(String svd, String bef, String r, String cf) {
        return new SpeciesFactors(new BigDecimal(svd), new BigDecimal(bef), new BigDecimal(r), new BigDecimal(cf));
    }

    static TreeSpecies species(String code, String habitat, SpeciesFactors factors) {
        return new TreeSpecies(code, habitat, factors, null, "test");
    }

    static TreeSpecies forest(String code, SpeciesFactors factors) {
        return species(code, "FOREST", factors);
    }

    static TreeStratum byVolume(TreeSpecies species, String area, String start, String end) {
        return new TreeStratum(species, new BigDecimal(area), new StandVolumes(new BigDecimal(start), new BigDecimal(end)));
    }

    static UncertaintyBand band(String upper, String rate) {
        return new UncertaintyBand(new BigDecimal(upper), new BigDecimal(rate));
    }

    static Parameter parameter(String code, String value) {
        return new Parameter(code, new BigDecimal(value), "test");
    }

    /** A forest calculation over 2021–2025 with a stated uncertainty and no baseline, leakage or emissions. */
    static CalculationInput forest(List<TreeStratum> strata, String uncertainty, String bufferRate) {
        return new CalculationInput(CalculationMethod.FOREST_STOCK_DIFFERENCE, START, END, strata, List.of(), List.of(),
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, uncertainty == null ? null : new BigDecimal(uncertainty),
                BANDS, new BigDecimal(bufferRate), null);
    }
}
