package org.carbonsink.trading.trade;

import java.util.UUID;

/** The registry delivered {@code quantity} credits of the trade to {@code buyerId}. */
public record SettleTrade(UUID tradeId, UUID buyerId, long quantity) {
}
