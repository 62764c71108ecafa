package org.carbonsink.registry.project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What the owner's project design document says: the methodology it applies (code and version),
 * where and how large the land is, when construction started, the crediting period (inclusive
 * dates), the validator (a registered verifier), the non-permanence risk and the boundary. The area
 * has the 4 decimals the registry keeps, so a design reads the same in the answer that drafted it as
 * in every later read (an area of {@code 100} is 100.0000 both times).
 */
public record ProjectDesign(String name, String methodologyCode, String methodologyVersion,
        EcosystemType ecosystemType, String province, String county, BigDecimal areaHectares,
        LocalDate constructionStart, LocalDate creditingPeriodStart, LocalDate creditingPeriodEnd, UUID validatorId,
        RiskRating risk, Boundary boundary) {

    public ProjectDesign {
        areaHectares = areaHectares == null ? null : areaHectares.setScale(4, RoundingMode.UNNECESSARY);
    }
}
