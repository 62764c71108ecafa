package org.carbonsink.trading.market;

import java.math.BigDecimal;

/** One price level of one side of the book: open quantity and number of orders. */
public record DepthLevel(BigDecimal price, long quantity, int orders) {
}
