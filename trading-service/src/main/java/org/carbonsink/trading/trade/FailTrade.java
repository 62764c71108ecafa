package org.carbonsink.trading.trade;

import java.util.UUID;

/** The registry could not deliver the trade's credits, for {@code reason}. */
public record FailTrade(UUID tradeId, String reason) {
}
