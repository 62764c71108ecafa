package org.carbonsink.trading.market.web;

import java.util.List;
import org.carbonsink.trading.market.DepthLevel;

/** The best price levels of an instrument's book on each side, best first. */
public record DepthView(String instrumentId, List<DepthLevel> bids, List<DepthLevel> asks) {
}
