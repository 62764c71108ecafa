package org.carbonsink.trading.trade;

import java.util.UUID;

/** The registry could not deliver the trade's credits. */
public record FailTrade(UUID tradeId, TradeFailure failure) {
}
