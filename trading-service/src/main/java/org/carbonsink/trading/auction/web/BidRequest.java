package org.carbonsink.trading.auction.web;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;

/** A bid: whole credits at a price per credit in CNY with at most two decimals. */
public record BidRequest(
        @NotNull @Min(1) @Max(AnnounceAuctionRequest.MAX_QUANTITY) Long quantity,
        @NotNull @Positive @Digits(integer = 15, fraction = 2) BigDecimal price) {
}
