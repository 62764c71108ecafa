package org.carbonsink.trading.auction.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.Instant;

/** An auction: whole credits, a floor price per credit in CNY with at most two decimals, and its window. */
public record AnnounceAuctionRequest(
        @NotBlank String instrumentId,
        @NotNull @Min(1) @Max(MAX_QUANTITY) Long quantity,
        @NotNull @Positive @Digits(integer = 15, fraction = 2) BigDecimal floorPrice,
        @Schema(description = "when bids open; absent: now. At most 5 s before the exchange's clock (clock skew),"
                + " else 400 naming startsAt (rule NotPast)") Instant startsAt,
        @Schema(description = "when bids close; in the future and after startsAt") @NotNull Instant endsAt) {

    /** Far above any issuance; keeps quantity × price within the amounts the accounts can hold. */
    static final long MAX_QUANTITY = 1_000_000_000L;
}
