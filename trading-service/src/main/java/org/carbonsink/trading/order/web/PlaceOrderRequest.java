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

    PlaceOrder toCommand(UUID participantId) {
        OrderType orderType = type == null ? OrderType.LIMIT : type;
        TimeInForce tif = timeInForce != null ? timeInForce
                : orderType == OrderType.MARKET ? TimeInForce.IOC : TimeInForce.GTC;
        return new PlaceOrder(participantId, instrumentId, side, orderType, tif, quantity, limitPrice);
    }
}
