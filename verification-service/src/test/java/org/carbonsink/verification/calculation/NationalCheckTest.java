package org.carbonsink.verification.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * docs/domain.md, "National check" [S] (9th national forest inventory, 2014–2018): 220.45 Mha,
 * 17.56 billion m³, 18.802 Gt biomass, 9.186 Gt C. The rounded figures the parameter table stores
 * (V10: mean density 41.67 t C/ha, 1.0707 t biomass per m³, carbon fraction 0.4886) must give the
 * inventory's carbon back within 0.01%, by area and by stock.
 */
class NationalCheckTest {

    static final NationalInventory NINTH = new NationalInventory(new BigDecimal("220.45E6"), new BigDecimal("17.56E9"),
            new BigDecimal("18.802E9"), new BigDecimal("9.186E9"));
    static final Exact PUBLISHED_CARBON = Exact.of(new BigDecimal("9.186E9"));
    static final Exact ONE_IN_TEN_THOUSAND = Exact.ratio(1, 10_000);

    @Test
    void derivedFiguresRoundToTheStoredOnes() {
        assertThat(NINTH.carbonDensity().decimal(2)).isEqualByComparingTo("41.67");
        assertThat(NINTH.biomassPerCubicMetre().decimal(4)).isEqualByComparingTo("1.0707");
        assertThat(NINTH.carbonFraction().decimal(4)).isEqualByComparingTo("0.4886");
        assertThat(NINTH.volumePerHectare().decimal(2)).isEqualByComparingTo("79.66");
    }

    @Test
    void storedDensityGivesTheInventoryCarbonWithinOneInTenThousand() {
        Exact byArea = Exact.of(new BigDecimal("220.45E6")).times(Exact.of("41.67"));
        Exact byStock = Exact.of(new BigDecimal("17.56E9")).times(Exact.of("1.0707")).times(Exact.of("0.4886"));

        assertThat(relativeError(byArea)).isLessThanOrEqualTo(ONE_IN_TEN_THOUSAND);
        assertThat(relativeError(byStock)).isLessThanOrEqualTo(ONE_IN_TEN_THOUSAND);
        // 9,186.1515 and 9,186.4090 Mt C
        assertThat(byArea.decimal(0)).isEqualByComparingTo("9186151500");
        assertThat(byStock.decimal(0)).isEqualByComparingTo("9186408991");
    }

    private static Exact relativeError(Exact value) {
        Exact difference = value.minus(PUBLISHED_CARBON);
        return (difference.signum() < 0 ? difference.negate() : difference).dividedBy(PUBLISHED_CARBON);
    }
}
