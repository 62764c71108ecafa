package org.carbonsink.verification.calculation;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A species as the parameter table gives it: its habitat (FOREST, MANGROVE, WETLAND: which methods
 * may use it), its factors, the largest plausible mean annual stem volume increment per hectare
 * (m³/ha/yr; a reported increment above it is flagged, not refused; null when the table has none)
 * and the sources of the values.
 */
public record TreeSpecies(String code, String habitat, SpeciesFactors factors, BigDecimal maxAnnualIncrement,
        String source) {

    public TreeSpecies {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(habitat, "habitat");
        Objects.requireNonNull(factors, "factors");
        Objects.requireNonNull(source, "source");
    }
}
