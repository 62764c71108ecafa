package org.carbonsink.verification.calculation;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The parameters of one species: wood density SVD (t dry matter per m³ of stem), biomass expansion
 * factor BEF, root-to-shoot ratio R and carbon fraction CF (t C per t dry matter).
 */
public record SpeciesFactors(BigDecimal woodDensity, BigDecimal expansionFactor, BigDecimal rootShootRatio,
        BigDecimal carbonFraction) {

    private static final BigDecimal CO2_PER_C_NUMERATOR = BigDecimal.valueOf(44);
    private static final BigDecimal CO2_PER_C_DENOMINATOR = BigDecimal.valueOf(12);

    public SpeciesFactors {
        Objects.requireNonNull(woodDensity, "woodDensity");
        Objects.requireNonNull(expansionFactor, "expansionFactor");
        Objects.requireNonNull(rootShootRatio, "rootShootRatio");
        Objects.requireNonNull(carbonFraction, "carbonFraction");
    }

    /** The same species with another carbon fraction, e.g. the IPCC default 0.47. */
    public SpeciesFactors withCarbonFraction(BigDecimal otherCarbonFraction) {
        return new SpeciesFactors(woodDensity, expansionFactor, rootShootRatio, otherCarbonFraction);
    }

    /**
     * tCO2e per m³ of stem volume, SVD · BEF · (1 + R) · CF · 44/12, unrounded (DECIMAL128); 44 is
     * multiplied before dividing by 12 so that the only inexact step is that division.
     */
    public BigDecimal co2PerCubicMetre() {
        return woodDensity.multiply(expansionFactor, RemovalCalculation.MATH)
                .multiply(BigDecimal.ONE.add(rootShootRatio), RemovalCalculation.MATH)
                .multiply(carbonFraction, RemovalCalculation.MATH)
                .multiply(CO2_PER_C_NUMERATOR, RemovalCalculation.MATH)
                .divide(CO2_PER_C_DENOMINATOR, RemovalCalculation.MATH);
    }
}
