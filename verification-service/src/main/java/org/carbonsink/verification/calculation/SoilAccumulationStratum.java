package org.carbonsink.verification.calculation;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Soil of a land type (MANGROVE, TIDAL_MARSH, SEAGRASS) on {@code areaHectares}, accumulating carbon at
 * {@code rate} (t C per ha and year, from the method's table) over the period.
 */
public record SoilAccumulationStratum(String landType, BigDecimal areaHectares, Parameter rate) {

    public SoilAccumulationStratum {
        Objects.requireNonNull(landType, "landType");
        TreeStratum.requirePositive(areaHectares, "areaHectares");
        Objects.requireNonNull(rate, "rate");
    }
}
