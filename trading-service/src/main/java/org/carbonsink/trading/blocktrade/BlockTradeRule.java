package org.carbonsink.trading.blocktrade;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The block trade rule of an instrument, or of every instrument without its own ({@link #DEFAULT}):
 * at least {@code minimumQuantity} credits, at a price within {@code band} (a share, 0.30 = ±30%) of
 * the reference price. {@code referencePrice} is the operator's, or null to use the last book price.
 * {@code source} says where the figures come from.
 */
public record BlockTradeRule(String instrumentId, long minimumQuantity, BigDecimal band, BigDecimal referencePrice,
        String source, Instant updatedAt) {

    public static final String DEFAULT = "*";
}
