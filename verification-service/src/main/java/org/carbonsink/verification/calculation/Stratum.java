package org.carbonsink.verification.calculation;

import java.math.BigDecimal;
import java.util.Objects;

/** One stratum: an area of one species with its mean stem volume per hectare at the start and end of the period. */
public record Stratum(String species, SpeciesFactors factors, BigDecimal areaHectares,
        BigDecimal volumeStartPerHectare, BigDecimal volumeEndPerHectare) {

    public Stratum {
        Objects.requireNonNull(species, "species");
        Objects.requireNonNull(factors, "factors");
        requireNotNegative(areaHectares, "areaHectares");
        requireNotNegative(volumeStartPerHectare, "volumeStartPerHectare");
        requireNotNegative(volumeEndPerHectare, "volumeEndPerHectare");
    }

    static void requireNotNegative(BigDecimal value, String name) {
        Objects.requireNonNull(value, name);
        if (value.signum() < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }
}
