package org.carbonsink.trading.market;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A trade as public market data: its venue (BOOK, BLOCK, AUCTION), never its parties. */
public record MarketTrade(UUID id, String venue, long quantity, BigDecimal price, BigDecimal amount, String status,
        Instant executedAt) {
}
