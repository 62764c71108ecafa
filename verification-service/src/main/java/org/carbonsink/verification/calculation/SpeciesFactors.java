package org.carbonsink.verification.calculation;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The parameters of one species: wood density SVD (t dry matter per m³ of stem), biomass expansion
 * factor BEF, root-to-shoot ratio R and carbon fraction CF (t C per t dry matter).
 */
public record SpeciesFactors(BigDecimal woodDensity, BigDecimal expansionFactor, BigDecimal rootShootRatio,
        BigDecimal carbonFraction) {

    static final Exact CO2_PER_C = Exact.ratio(44, 12);

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

    /** t C in the whole tree (above and below ground) per m³ of stem: SVD · BEF · (1 + R) · CF, exact. */
    public Exact carbonPerCubicMetre() {
        return Exact.of(woodDensity).times(Exact.of(expansionFactor))
                .times(Exact.ONE.plus(Exact.of(rootShootRatio))).times(Exact.of(carbonFraction));
    }

    /** tCO2e per m³ of stem volume, SVD · BEF · (1 + R) · CF · 44/12, exact. */
    public Exact co2PerCubicMetre() {
        return carbonPerCubicMetre().times(CO2_PER_C);
    }
}
