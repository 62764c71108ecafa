package org.carbonsink.trading.trade.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.carbonsink.trading.trade.Trade;
import org.carbonsink.trading.trade.TradeStatus;

/**
 * A trade as public market data: who traded is not disclosed. A failed trade shows its
 * {@code failureCode} to everyone; its {@code failureReason} (with ids) only to its parties and the
 * exchange operator, null to everyone else.
 */
public record TradeView(UUID id, String instrumentId, long quantity, BigDecimal price, BigDecimal amount,
        String currency, TradeStatus status, String failureCode, String failureReason, Instant executedAt,
        Instant closedAt) {

    static TradeView of(Trade t, boolean detailed) {
        return new TradeView(t.id(), t.instrumentId(), t.quantity(), t.price(), t.amount(), t.currency(), t.status(),
                t.failureCode(), detailed ? t.failureReason() : null, t.executedAt(), t.closedAt());
    }
}
