package org.carbonsink.trading.saga.messaging;

import java.time.Clock;
import java.util.UUID;
import org.carbonsink.contracts.DeliveryStateRequested;
import org.carbonsink.contracts.HoldStateRequested;
import org.carbonsink.contracts.Topics;
import org.carbonsink.support.outbox.Outbox;
import org.carbonsink.trading.saga.StateQueries;
import org.springframework.stereotype.Component;

/**
 * Publishes the questions on the topic of what they ask about, with the same key (the instrument id):
 * the registry reads a question after the hold request or the trade it concerns, so its answer is final.
 */
@Component
class OutboxStateQueries implements StateQueries {

    private final Outbox outbox;
    private final Clock clock;

    OutboxStateQueries(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void askHold(UUID holdId, String instrumentId) {
        outbox.publish(Topics.TRADING_ORDERS, instrumentId,
                new HoldStateRequested(UUID.randomUUID(), clock.instant(), holdId, instrumentId));
    }

    @Override
    public void askDelivery(UUID tradeId, String instrumentId) {
        outbox.publish(Topics.TRADING_TRADES, instrumentId,
                new DeliveryStateRequested(UUID.randomUUID(), clock.instant(), tradeId, instrumentId));
    }
}
