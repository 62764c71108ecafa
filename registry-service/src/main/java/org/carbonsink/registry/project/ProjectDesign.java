package org.carbonsink.registry.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What the owner's project design document says: the methodology it applies (code and version),
 * where and how large the land is, when construction started, the crediting period (inclusive
 * dates), the validator (a registered verifier), the non-permanence risk and the boundary.
 */
public record ProjectDesign(String name, String methodologyCode, String methodologyVersion,
        EcosystemType ecosystemType, String province, String county, BigDecimal areaHectares,
        LocalDate constructionStart, LocalDate creditingPeriodStart, LocalDate creditingPeriodEnd, UUID validatorId,
        RiskRating risk, Boundary boundary) {
}
