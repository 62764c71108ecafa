package org.carbonsink.trading.trade;

import java.util.UUID;

/**
 * A trade off the book failed: the owner of its hold gives the credits back. Published in the failing
 * transaction, to listeners in the same one.
 */
public record TradeFailed(UUID tradeId, String instrumentId, UUID sellOrderId, long quantity) {
}
