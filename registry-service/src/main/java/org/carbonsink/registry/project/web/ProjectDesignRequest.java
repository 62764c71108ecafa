package org.carbonsink.registry.project.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.carbonsink.registry.project.Boundary;
import org.carbonsink.registry.project.EcosystemType;
import org.carbonsink.registry.project.ProjectDesign;

/** The design an owner drafts or edits; the crediting period's dates are inclusive. */
record ProjectDesignRequest(
        @NotBlank @Size(max = 300) String name,
        @NotBlank @Size(max = 100) String methodologyCode,
        @NotBlank @Size(max = 20) String methodologyVersion,
        @NotNull EcosystemType ecosystemType,
        @NotBlank @Size(max = 100) String province,
        @NotBlank @Size(max = 100) String county,
        @NotNull @DecimalMin(value = "0.0001") @Digits(integer = 10, fraction = 4) BigDecimal areaHectares,
        @NotNull LocalDate constructionStart,
        @NotNull LocalDate creditingPeriodStart,
        @NotNull LocalDate creditingPeriodEnd,
        @NotNull UUID validatorId,
        @NotNull @Valid RiskRatingRequest risk,
        @NotNull @Valid GeoJsonGeometry boundary) {

    ProjectDesign toDesign() {
        return new ProjectDesign(name.strip(), methodologyCode.strip(), methodologyVersion.strip(), ecosystemType,
                province.strip(), county.strip(), areaHectares, constructionStart, creditingPeriodStart,
                creditingPeriodEnd, validatorId, risk.toRating(),
                Boundary.fromGeoJson(boundary.type(), boundary.coordinates()));
    }
}
