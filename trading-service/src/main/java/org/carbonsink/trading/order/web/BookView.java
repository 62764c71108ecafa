package org.carbonsink.trading.order.web;

import java.math.BigDecimal;
import java.util.List;

/** The public depth of an instrument's book: open quantity per price, best prices first. */
public record BookView(String instrumentId, List<Level> bids, List<Level> asks) {

    public record Level(BigDecimal price, long quantity, int orders) {
    }
}
