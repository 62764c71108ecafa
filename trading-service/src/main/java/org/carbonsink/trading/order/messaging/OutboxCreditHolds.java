package org.carbonsink.trading.order.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.carbonsink.contracts.CreditHoldReleaseRequested;
import org.carbonsink.contracts.CreditHoldRequested;
import org.carbonsink.contracts.Topics;
import org.carbonsink.support.jdbc.Pipeline;
import org.carbonsink.support.outbox.Outbox;
import org.carbonsink.trading.instrument.Instrument;
import org.carbonsink.trading.order.CreditHolds;
import org.carbonsink.trading.order.Order;
import org.springframework.stereotype.Component;

/** Asks for a hold by publishing {@link CreditHoldRequested}, keyed by instrument id; the hold id is the order id. */
@Component
class OutboxCreditHolds implements CreditHolds {

    private final Outbox outbox;
    private final Clock clock;

    OutboxCreditHolds(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void request(Order sellOrder, Instrument instrument) {
        outbox.publish(Topics.TRADING_ORDERS, instrument.id(), new CreditHoldRequested(UUID.randomUUID(),
                Instant.now(clock), sellOrder.id(), instrument.id(), sellOrder.participantId(), instrument.projectId(),
                instrument.vintage(), sellOrder.quantity()));
    }

    @Override
    public void release(Pipeline writes, Order sellOrder, long quantity) {
        outbox.publish(writes, Topics.TRADING_ORDERS, sellOrder.instrumentId(), new CreditHoldReleaseRequested(
                UUID.randomUUID(), Instant.now(clock), sellOrder.id(), sellOrder.instrumentId(), quantity));
    }
}
