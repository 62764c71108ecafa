package org.carbonsink.trading.blocktrade.web;

import java.math.BigDecimal;
import java.time.Instant;
import org.carbonsink.trading.blocktrade.BlockTradeRule;

/** The block trade rule in force for an instrument ({@code *}: the default). */
public record BlockTradeRuleView(String instrumentId, long minimumQuantity, BigDecimal band, BigDecimal referencePrice,
        String source, Instant updatedAt) {

    static BlockTradeRuleView of(BlockTradeRule r) {
        return new BlockTradeRuleView(r.instrumentId(), r.minimumQuantity(), r.band(), r.referencePrice(), r.source(),
                r.updatedAt());
    }
}
