package org.carbonsink.trading.trade;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;
import org.carbonsink.support.jdbc.Pipeline;
import org.carbonsink.trading.cash.CashAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Settles the cash leg once the credits are delivered: in one transaction the buyer pays the
 * reserved amount, the seller receives it and the trade is SETTLED (invariant 5).
 */
@Component
public class SettlingTrade {

    private static final Logger log = LoggerFactory.getLogger(SettlingTrade.class);

    private final Trades trades;
    private final CashAccounts accounts;
    private final Clock clock;

    SettlingTrade(Trades trades, CashAccounts accounts, Clock clock) {
        this.trades = trades;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional
    public void settle(SettleTrade command) {
        settle(new Pipeline(), command);
    }

    /**
     * As {@link #settle(SettleTrade)}, with the statements {@code first} holds (the inbox's record of the
     * delivery) sent in the settlement's first round trip, before the trade's lock.
     */
    @Transactional
    public void settle(Pipeline first, SettleTrade command) {
        Trade trade = trades.lock(first, command.tradeId()).orElse(null);
        if (trade == null) {
            log.warn("credits delivered for trade {}, which is not this exchange's; ignored", command.tradeId());
            return;
        }
        if (trade.status() != TradeStatus.PENDING_DELIVERY) {
            log.warn("trade {} is already {}; delivery ignored", trade.id(), trade.status());
            return;
        }
        if (!trade.buyerId().equals(command.buyerId()) || trade.quantity() != command.quantity()) {
            throw new IllegalStateException("delivery of " + command.quantity() + " to " + command.buyerId()
                    + " does not match trade " + trade.id() + " of " + trade.quantity() + " to " + trade.buyerId());
        }
        // both accounts in participant id order, so that concurrent settlements cannot deadlock; the two
        // legs and the trade's new state go in one round trip, run in this order
        Instant now = Instant.now(clock);
        Pipeline legs = new Pipeline();
        Stream.of(trade.buyerId(), trade.sellerId()).distinct().sorted(Comparator.naturalOrder()).forEach(participant -> {
            if (participant.equals(trade.buyerId())) {
                accounts.debitReserved(legs, participant, trade.amount());
            }
            if (participant.equals(trade.sellerId())) {
                accounts.credit(legs, participant, trade.amount(), now);
            }
        });
        trades.settle(legs, trade.id(), now);
    }
}
