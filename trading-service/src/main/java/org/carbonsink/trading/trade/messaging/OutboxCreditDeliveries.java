package org.carbonsink.trading.trade.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.carbonsink.contracts.TradeExecuted;
import org.carbonsink.contracts.Topics;
import org.carbonsink.support.jdbc.Pipeline;
import org.carbonsink.support.outbox.Outbox;
import org.carbonsink.trading.trade.CreditDeliveries;
import org.carbonsink.trading.trade.Trade;
import org.springframework.stereotype.Component;

/** Asks for delivery by publishing {@link TradeExecuted}, keyed by instrument id. */
@Component
class OutboxCreditDeliveries implements CreditDeliveries {

    private final Outbox outbox;
    private final Clock clock;

    OutboxCreditDeliveries(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void request(Pipeline writes, Trade trade) {
        // the registry holds the seller's credits under the sell order's id
        outbox.publish(writes, Topics.TRADING_TRADES, trade.instrumentId(), new TradeExecuted(UUID.randomUUID(),
                Instant.now(clock), trade.id(), trade.instrumentId(), trade.sellOrderId(), trade.sellerId(),
                trade.buyerId(), trade.quantity(), trade.price(), trade.currency()));
    }
}
