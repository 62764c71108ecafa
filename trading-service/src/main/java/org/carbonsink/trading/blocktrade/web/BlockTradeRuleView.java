package org.carbonsink.trading.blocktrade.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.carbonsink.trading.blocktrade.BlockTradeRule;
import org.carbonsink.trading.blocktrade.PriceBand;

/**
 * The block trade rule in force for an instrument ({@code *}: the default), with the band a proposal is
 * checked against now: the reference in effect, where it comes from and the band's ends (what an
 * {@code outside-price-band} refusal names).
 */
public record BlockTradeRuleView(String instrumentId, long minimumQuantity, BigDecimal band,
        @Schema(description = "the operator's reference price; null when none is set (see effectiveReferencePrice)")
        BigDecimal referencePrice,
        String source, Instant updatedAt,
        @Schema(description = "the reference the band is around now: the operator's, else the last book trade that"
                + " did not fail; null when neither exists (a proposal is then refused no-reference-price)")
        BigDecimal effectiveReferencePrice,
        @Schema(description = "where effectiveReferencePrice comes from", allowableValues = { "OPERATOR",
                "LAST_BOOK_TRADE" }) String referenceSource,
        @Schema(description = "the lowest block price accepted now: reference × (1 − band), exact") BigDecimal lower,
        @Schema(description = "the highest block price accepted now: reference × (1 + band), exact") BigDecimal upper) {

    static BlockTradeRuleView of(BlockTradeRule r, Optional<BigDecimal> reference) {
        PriceBand now = reference.map(price -> new PriceBand(price, r.band())).orElse(null);
        return new BlockTradeRuleView(r.instrumentId(), r.minimumQuantity(), r.band(), r.referencePrice(), r.source(),
                r.updatedAt(), now == null ? null : now.reference(),
                now == null ? null : r.referencePrice() != null ? "OPERATOR" : "LAST_BOOK_TRADE",
                now == null ? null : now.lower(), now == null ? null : now.upper());
    }
}
