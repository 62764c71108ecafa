package org.carbonsink.trading.order.web;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;

/** A new limit price and/or a new total quantity (what is filled included) for an open order. */
public record AmendOrderRequest(
        @Positive @Digits(integer = 15, fraction = 2) BigDecimal limitPrice,
        @Min(1) @Max(PlaceOrderRequest.MAX_QUANTITY) Long quantity) {
}
