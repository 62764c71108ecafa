package org.carbonsink.trading.trade;

import java.time.Clock;
import java.time.Instant;
import org.carbonsink.trading.cash.CashAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compensates a trade made off the book (it has no sell order) whose credits could not be delivered:
 * the buyer's cash reserved for it is released and the trade is FAILED, so neither leg moves
 * (invariant 5); {@link TradeFailed} tells the owner of the trade's hold in the same transaction.
 * A book trade fails in its instrument's writer instead, where its sell order gets the quantity back.
 */
@Component
public class FailingTrade {

    private static final Logger log = LoggerFactory.getLogger(FailingTrade.class);

    private final Trades trades;
    private final CashAccounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FailingTrade(Trades trades, CashAccounts accounts, ApplicationEventPublisher events, Clock clock) {
        this.trades = trades;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void fail(FailTrade command) {
        Trade trade = trades.lock(command.tradeId())
                .orElseThrow(() -> new IllegalStateException("delivery failed for unknown trade " + command.tradeId()));
        if (trade.status() != TradeStatus.PENDING_DELIVERY) {
            log.warn("trade {} is already {}; delivery failure ignored", trade.id(), trade.status());
            return;
        }
        accounts.release(trade.buyerId(), trade.amount());
        trades.fail(trade.id(), command.failure(), Instant.now(clock));
        events.publishEvent(new TradeFailed(trade.id(), trade.instrumentId(), trade.sellOrderId(), trade.quantity()));
    }
}
