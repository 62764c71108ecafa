package org.carbonsink.trading.trade.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.carbonsink.trading.trade.Trade;
import org.carbonsink.trading.trade.TradeStatus;

/** A trade as public market data: who traded is not disclosed. */
public record TradeView(UUID id, String instrumentId, long quantity, BigDecimal price, BigDecimal amount,
        String currency, TradeStatus status, String failureReason, Instant executedAt, Instant closedAt) {

    static TradeView of(Trade t) {
        return new TradeView(t.id(), t.instrumentId(), t.quantity(), t.price(), t.amount(), t.currency(), t.status(),
                t.failureReason(), t.executedAt(), t.closedAt());
    }
}
