package org.carbonsink.trading.market;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An executed block trade as published: terms and reference price, never the parties. Only block trades
 * whose trade did not fail are published, so {@code tradeStatus} is {@code PENDING_DELIVERY} or {@code SETTLED}.
 */
public record BlockTradeResult(UUID id, String instrumentId, long quantity, BigDecimal price, BigDecimal amount,
        BigDecimal referencePrice, String tradeStatus, Instant executedAt) {
}
