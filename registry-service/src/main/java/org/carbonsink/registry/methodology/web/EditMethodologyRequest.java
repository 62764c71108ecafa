package org.carbonsink.registry.methodology.web;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.carbonsink.registry.methodology.Methodology;

/** The non-permanence buffer share lies in [0, 1): a sink cannot give all its credits to the pool. */
record EditMethodologyRequest(@NotNull Methodology.Status status,
        @NotNull @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) @Digits(integer = 1, fraction = 4)
        BigDecimal bufferRate) {
}
