package org.carbonsink.trading.order.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;

/**
 * The price band of an instrument: limit prices must stay within ± {@code bandBasisPoints} of
 * {@code referencePrice} (1000 = ±10%). A null reference price removes the operator's reference: the band
 * is then centred on the previous session's close, and there is none only before the first trade
 * ({@link MarketSupervisionController#BAND_RULE}).
 */
public record BandRequest(
        @Schema(description = "the operator's reference price; null: the previous session's close (none before the"
                + " first trade)") @Positive @Digits(integer = 15, fraction = 2) BigDecimal referencePrice,
        @NotNull @Min(0) @Max(10_000) Integer bandBasisPoints) {
}
