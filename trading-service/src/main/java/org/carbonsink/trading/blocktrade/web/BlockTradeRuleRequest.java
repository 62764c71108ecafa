package org.carbonsink.trading.blocktrade.web;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;

/**
 * A block trade rule: the minimum quantity, the band as a share of the reference price (0.30 = ±30%,
 * four decimals), the operator's reference price (optional, per instrument only), and its source.
 */
public record BlockTradeRuleRequest(
        @NotNull @Min(1) Long minimumQuantity,
        @NotNull @Positive @DecimalMax(value = "1", inclusive = false) @Digits(integer = 1, fraction = 4) BigDecimal band,
        @Positive @Digits(integer = 15, fraction = 2) BigDecimal referencePrice,
        @NotBlank String source) {
}
