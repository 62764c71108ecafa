package org.carbonsink.trading.offbook.messaging;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.carbonsink.contracts.CreditHoldReleaseRequested;
import org.carbonsink.contracts.CreditHoldRequested;
import org.carbonsink.contracts.Topics;
import org.carbonsink.contracts.TradeExecuted;
import org.carbonsink.support.outbox.Outbox;
import org.carbonsink.trading.instrument.Instrument;
import org.carbonsink.trading.offbook.OffBookDeliveries;
import org.carbonsink.trading.offbook.SellerCredits;
import org.springframework.stereotype.Component;

/**
 * Off-book holds and deliveries on the same topics and keys (instrument id) as the book's, so the
 * registry treats them alike: the hold id is the block trade's or the auction's id.
 */
@Component
class OutboxSellerCredits implements SellerCredits, OffBookDeliveries {

    private final Outbox outbox;
    private final Clock clock;

    OutboxSellerCredits(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void hold(UUID holdId, Instrument instrument, UUID sellerId, long quantity) {
        outbox.publish(Topics.TRADING_ORDERS, instrument.id(), new CreditHoldRequested(UUID.randomUUID(),
                Instant.now(clock), holdId, instrument.id(), sellerId, instrument.projectId(), instrument.vintage(),
                quantity));
    }

    @Override
    public void release(UUID holdId, String instrumentId, long quantity) {
        outbox.publish(Topics.TRADING_ORDERS, instrumentId, new CreditHoldReleaseRequested(UUID.randomUUID(),
                Instant.now(clock), holdId, instrumentId, quantity));
    }

    @Override
    public void request(UUID tradeId, UUID holdId, String instrumentId, UUID sellerId, UUID buyerId, long quantity,
            BigDecimal price) {
        outbox.publish(Topics.TRADING_TRADES, instrumentId, new TradeExecuted(UUID.randomUUID(), Instant.now(clock),
                tradeId, instrumentId, holdId, sellerId, buyerId, quantity, price, "CNY"));
    }
}
