package org.carbonsink.trading.blocktrade.web;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A block trade offered to a named buyer: whole credits, a price per credit in CNY with at most two
 * decimals, and optionally when the offer lapses (by default after the configured validity).
 */
public record ProposeBlockTradeRequest(
        @NotNull UUID buyerId,
        @NotBlank String instrumentId,
        @NotNull @Min(1) @Max(MAX_QUANTITY) Long quantity,
        @NotNull @Positive @Digits(integer = 15, fraction = 2) BigDecimal price,
        Instant expiresAt) {

    /** Far above any issuance; keeps quantity × price within the amounts the accounts can hold. */
    static final long MAX_QUANTITY = 1_000_000_000L;
}
