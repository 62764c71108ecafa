package org.carbonsink.trading.order.web;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import org.carbonsink.trading.matching.Side;

/** A limit order: whole credits (tCO2e), a price per credit in CNY with at most two decimals. */
public record PlaceOrderRequest(
        @NotBlank String instrumentId,
        @NotNull Side side,
        @NotNull @Min(1) @Max(MAX_QUANTITY) Long quantity,
        @NotNull @Positive @Digits(integer = 15, fraction = 2) BigDecimal limitPrice) {

    /** Far above any issuance; keeps quantity × price within the amounts the accounts can hold. */
    static final long MAX_QUANTITY = 1_000_000_000L;
}
