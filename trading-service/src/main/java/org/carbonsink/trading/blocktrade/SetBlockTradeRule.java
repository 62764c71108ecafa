package org.carbonsink.trading.blocktrade;

import java.math.BigDecimal;

/** The exchange operator sets the block rule of an instrument, or the default ({@link BlockTradeRule#DEFAULT}). */
public record SetBlockTradeRule(String instrumentId, long minimumQuantity, BigDecimal band, BigDecimal referencePrice,
        String source) {
}
