package org.carbonsink.verification.calculation;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The removal calculations this service runs. A methodology version names one; a report is computed
 * by its project's method, and a stratum whose species or land type the method does not cover is
 * refused.
 *
 * <ul>
 * <li>{@code FOREST_STOCK_DIFFERENCE}: tree biomass stock difference (CCER-14-001, AR-TOOL14), field
 *     data per stratum either as stand volume per hectare at both ends or as sample plots.</li>
 * <li>{@code MANGROVE_BIOMASS_AND_SOIL}: mangrove trees as forest plus soil carbon accumulation per
 *     hectare and year (CCER-14-002; IPCC 2013 Wetlands Supplement).</li>
 * <li>{@code WETLAND_BIOMASS_AND_SOIL}: wetland trees as forest plus soil accumulation of tidal marsh
 *     and seagrass (wetland pilot; IPCC 2013 Wetlands Supplement).</li>
 * <li>{@code GRASSLAND_SOIL_TIER1} and {@code FARMLAND_SOIL_TIER1}: soil organic carbon by IPCC 2006
 *     Tier 1, SOC = SOC_ref · F_LU · F_MG · F_I, change spread over 20 years.</li>
 * </ul>
 */
public enum CalculationMethod {

    FOREST_STOCK_DIFFERENCE(Set.of("FOREST"), Set.of(), Set.of()),
    MANGROVE_BIOMASS_AND_SOIL(Set.of("MANGROVE"), Set.of("MANGROVE"), Set.of()),
    WETLAND_BIOMASS_AND_SOIL(Set.of("WETLAND"), Set.of("TIDAL_MARSH", "SEAGRASS"), Set.of()),
    GRASSLAND_SOIL_TIER1(Set.of(), Set.of(), Set.of("GRASSLAND")),
    FARMLAND_SOIL_TIER1(Set.of(), Set.of(), Set.of("FARMLAND"));

    private final Set<String> treeHabitats;
    private final Set<String> accumulationLandTypes;
    private final Set<String> soilLandClasses;

    CalculationMethod(Set<String> treeHabitats, Set<String> accumulationLandTypes, Set<String> soilLandClasses) {
        this.treeHabitats = treeHabitats;
        this.accumulationLandTypes = accumulationLandTypes;
        this.soilLandClasses = soilLandClasses;
    }

    /** Species of these habitats may form tree strata. */
    public Set<String> treeHabitats() {
        return treeHabitats;
    }

    /** Land types whose soil accumulation rate may be claimed. */
    public Set<String> accumulationLandTypes() {
        return accumulationLandTypes;
    }

    /** Land classes whose IPCC Tier 1 soil factors may be used. */
    public Set<String> soilLandClasses() {
        return soilLandClasses;
    }

    public static Optional<CalculationMethod> named(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /**
     * The method of a project whose registration predates the named method: from the methodology
     * code (CCER-14-001 afforestation, CCER-14-002 mangrove), else from the ecosystem type. Empty
     * for an ecosystem no method here covers (e.g. shrubland, or an energy methodology).
     */
    public static Optional<CalculationMethod> derive(String methodologyCode, String ecosystemType) {
        String code = methodologyCode == null ? "" : methodologyCode.toUpperCase(Locale.ROOT);
        if (code.startsWith("CCER-14-001")) {
            return Optional.of(FOREST_STOCK_DIFFERENCE);
        }
        if (code.startsWith("CCER-14-002")) {
            return Optional.of(MANGROVE_BIOMASS_AND_SOIL);
        }
        return switch (ecosystemType == null ? "" : ecosystemType.toUpperCase(Locale.ROOT)) {
            case "FOREST" -> Optional.of(FOREST_STOCK_DIFFERENCE);
            case "MANGROVE" -> Optional.of(MANGROVE_BIOMASS_AND_SOIL);
            case "WETLAND" -> Optional.of(WETLAND_BIOMASS_AND_SOIL);
            case "GRASSLAND" -> Optional.of(GRASSLAND_SOIL_TIER1);
            case "FARMLAND" -> Optional.of(FARMLAND_SOIL_TIER1);
            default -> Optional.empty();
        };
    }
}
