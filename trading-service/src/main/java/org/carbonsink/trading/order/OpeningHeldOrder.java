package org.carbonsink.trading.order;

import java.time.Clock;
import java.time.Instant;
import org.carbonsink.trading.instrument.Instruments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Opens a sell order once the registry holds its credits, and matches it. */
@Component
public class OpeningHeldOrder {

    private static final Logger log = LoggerFactory.getLogger(OpeningHeldOrder.class);

    private final Orders orders;
    private final Instruments instruments;
    private final MatchingOrders matching;
    private final Clock clock;

    OpeningHeldOrder(Orders orders, Instruments instruments, MatchingOrders matching, Clock clock) {
        this.orders = orders;
        this.instruments = instruments;
        this.matching = matching;
        this.clock = clock;
    }

    @Transactional
    public void open(OpenHeldOrder command) {
        String instrumentId = orders.find(command.orderId()).map(Order::instrumentId)
                .orElseThrow(() -> new IllegalStateException("credits held for unknown order " + command.orderId()));
        // the instrument first, as everywhere a book changes, then the order itself
        instruments.lock(instrumentId).orElseThrow();
        Order order = orders.lock(command.orderId()).orElseThrow();
        if (order.status() != OrderStatus.PENDING_HOLD) {
            log.warn("order {} is already {}; hold confirmation ignored", order.id(), order.status());
            return;
        }
        // invariant 4: the order may sell exactly what is held for it, no more
        if (command.heldQuantity() != order.quantity()) {
            throw new IllegalStateException("registry held " + command.heldQuantity() + " credits for order "
                    + order.id() + " of " + order.quantity());
        }
        orders.open(order.id(), Instant.now(clock));
        matching.match(orders.find(order.id()).orElseThrow());
    }
}
