package org.carbonsink.trading.order;

import java.time.Clock;
import java.time.Instant;
import org.carbonsink.trading.instrument.Instruments;
import org.carbonsink.trading.trade.TradeFailed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * When a trade fails, the sell order takes its quantity back and is matched again, so the
 * credits the registry still holds for it can be sold; otherwise they would stay held for good.
 * A sell order cancelled meanwhile asks the registry to give those credits back instead.
 */
@Component
class ReturningFailedFill {

    private final Instruments instruments;
    private final Orders orders;
    private final MatchingOrders matching;
    private final CreditHolds holds;
    private final Clock clock;

    ReturningFailedFill(Instruments instruments, Orders orders, MatchingOrders matching, CreditHolds holds,
            Clock clock) {
        this.instruments = instruments;
        this.orders = orders;
        this.matching = matching;
        this.holds = holds;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(TradeFailed failed) {
        if (failed.sellOrderId() == null) {
            // an off-book trade (block agreement, auction): the owner of its hold gives the credits back
            return;
        }
        instruments.lock(failed.instrumentId()).orElseThrow();
        Order sell = orders.lock(failed.sellOrderId()).orElseThrow();
        if (sell.status() == OrderStatus.CANCELLED) {
            holds.release(sell, failed.quantity());
            return;
        }
        orders.returnFailedFill(failed.sellOrderId(), failed.quantity(), Instant.now(clock));
        matching.match(orders.find(failed.sellOrderId()).orElseThrow());
    }
}
