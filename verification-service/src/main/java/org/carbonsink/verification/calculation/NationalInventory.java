package org.carbonsink.verification.calculation;

import java.math.BigDecimal;

/**
 * The published totals of a national forest inventory and the per-hectare and per-m³ figures derived
 * from them, exactly. The plausibility bound on tree carbon density is a multiple of the mean density
 * (docs/domain.md, "National check").
 */
public record NationalInventory(BigDecimal forestHectares, BigDecimal stockCubicMetres, BigDecimal biomassTonnes,
        BigDecimal carbonTonnes) {

    /** t C per hectare of forest. */
    public Exact carbonDensity() {
        return Exact.of(carbonTonnes).dividedBy(Exact.of(forestHectares));
    }

    /** t dry matter of whole-tree biomass per m³ of stem. */
    public Exact biomassPerCubicMetre() {
        return Exact.of(biomassTonnes).dividedBy(Exact.of(stockCubicMetres));
    }

    /** t C per t of biomass: the inventory's implied carbon fraction. */
    public Exact carbonFraction() {
        return Exact.of(carbonTonnes).dividedBy(Exact.of(biomassTonnes));
    }

    /** m³ of stem per hectare. */
    public Exact volumePerHectare() {
        return Exact.of(stockCubicMetres).dividedBy(Exact.of(forestHectares));
    }
}
