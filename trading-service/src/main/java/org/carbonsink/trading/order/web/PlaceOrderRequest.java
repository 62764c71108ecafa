package org.carbonsink.trading.order.web;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.util.UUID;
import org.carbonsink.trading.matching.OrderType;
import org.carbonsink.trading.matching.Side;
import org.carbonsink.trading.matching.TimeInForce;
import org.carbonsink.trading.order.PlaceOrder;

/**
 * An order: whole credits (tCO2e); a LIMIT order (the default) names a price per credit in CNY with at
 * most two decimals, a MARKET order none. Time in force GTC (the default for LIMIT), DAY, IOC (the
 * default for MARKET) or FOK.
 */
public record PlaceOrderRequest(
        @NotBlank String instrumentId,
        @NotNull Side side,
        OrderType type,
        TimeInForce timeInForce,
        @NotNull @Min(1) @Max(MAX_QUANTITY) Long quantity,
        @Positive @Digits(integer = 15, fraction = 2) BigDecimal limitPrice) {

    /** Far above any issuance; keeps quantity × price within the amounts the accounts can hold. */
    static final long MAX_QUANTITY = 1_000_000_000L;

    /**
     * Whether the constraints above hold, checked by hand as Hibernate Validator checks them. A batch of up
     * to 1,000 orders asks the validator only about an order that fails here, for the problem it names:
     * the validator's reflection and paths per field were a large part of a batched order's cost
     * (docs/benchmarks.md). {@code PlaceOrderRequestTest} holds the two to the same answers.
     */
    boolean meetsConstraints() {
        return instrumentId != null && !instrumentId.isBlank() && side != null && quantity != null && quantity >= 1
                && quantity <= MAX_QUANTITY && (limitPrice == null || limitPrice.signum() > 0 && fitsDigits(limitPrice));
    }

    /**
     * {@code @Digits(integer = 15, fraction = 2)} as Hibernate Validator counts a {@code BigDecimal}'s digits:
     * as written, trailing zeros included (12.340 has three decimals).
     */
    private static boolean fitsDigits(BigDecimal value) {
        return value.precision() - value.scale() <= 15 && Math.max(value.scale(), 0) <= 2;
    }

    PlaceOrder toCommand(UUID participantId) {
        OrderType orderType = type == null ? OrderType.LIMIT : type;
        TimeInForce tif = timeInForce != null ? timeInForce
                : orderType == OrderType.MARKET ? TimeInForce.IOC : TimeInForce.GTC;
        return new PlaceOrder(participantId, instrumentId, side, orderType, tif, quantity, limitPrice);
    }
}
