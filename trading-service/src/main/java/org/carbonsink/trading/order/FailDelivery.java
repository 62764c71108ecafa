package org.carbonsink.trading.order;

import java.util.UUID;
import org.carbonsink.trading.trade.TradeFailure;

/** The registry could not deliver the trade's credits. */
public record FailDelivery(UUID tradeId, TradeFailure failure) {
}
