package org.carbonsink.trading.order;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Rejects a sell order whose credits the registry would not hold; it never enters the book. */
@Component
public class RejectingOrder {

    private static final Logger log = LoggerFactory.getLogger(RejectingOrder.class);

    private final Orders orders;
    private final Clock clock;

    RejectingOrder(Orders orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    @Transactional
    public void reject(RejectOrder command) {
        Order order = orders.lock(command.orderId()).orElse(null);
        if (order == null) {
            log.warn("hold rejected for order {}, which is not this exchange's; ignored", command.orderId());
            return;
        }
        if (order.status() != OrderStatus.PENDING_HOLD) {
            log.warn("order {} is already {}; hold rejection ignored", order.id(), order.status());
            return;
        }
        String reason = command.reason() == null || command.reason().isBlank() ? "credits not held" : command.reason();
        orders.reject(order.id(), reason, Instant.now(clock));
    }
}
