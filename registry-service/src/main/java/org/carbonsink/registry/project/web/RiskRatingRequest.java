package org.carbonsink.registry.project.web;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.carbonsink.registry.project.RiskRating;

/** Non-permanence risk scores in percentage points (Verra AFOLU non-permanence risk tool). */
record RiskRatingRequest(
        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal internal,
        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal external,
        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal natural) {

    RiskRating toRating() {
        return new RiskRating(internal, external, natural);
    }
}
