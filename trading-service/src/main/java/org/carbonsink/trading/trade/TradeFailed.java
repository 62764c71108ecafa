package org.carbonsink.trading.trade;

import java.util.UUID;

/**
 * A trade failed after matching: its quantity goes back to the sell order, whose credits the
 * registry still holds. Published in the failing transaction, to listeners in the same one.
 */
public record TradeFailed(UUID tradeId, String instrumentId, UUID sellOrderId, long quantity) {
}
