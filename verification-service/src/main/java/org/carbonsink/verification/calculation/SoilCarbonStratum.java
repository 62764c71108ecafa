package org.carbonsink.verification.calculation;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Mineral soil of land class {@code landClass} (GRASSLAND, FARMLAND) on {@code areaHectares}, by IPCC
 * 2006 Tier 1: SOC = SOC_ref · F_LU · F_MG · F_I (t C/ha, 0–30 cm) before the project's change of
 * practice and after it; the difference is reached over 20 years in equal steps.
 */
public record SoilCarbonStratum(String landClass, BigDecimal areaHectares, Parameter referenceStock,
        SoilFactors before, SoilFactors after) {

    public SoilCarbonStratum {
        Objects.requireNonNull(landClass, "landClass");
        TreeStratum.requirePositive(areaHectares, "areaHectares");
        Objects.requireNonNull(referenceStock, "referenceStock");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /** The land-use, management and input factors of one practice. */
    public record SoilFactors(Parameter landUse, Parameter management, Parameter input) {

        public SoilFactors {
            Objects.requireNonNull(landUse, "landUse");
            Objects.requireNonNull(management, "management");
            Objects.requireNonNull(input, "input");
        }

        Exact product() {
            return landUse.exact().times(management.exact()).times(input.exact());
        }
    }
}
