package org.carbonsink.trading.order;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Puts a sell order in its book once the registry holds its credits; it may trade at once. */
@Component
public class OpeningHeldOrder {

    private static final Logger log = LoggerFactory.getLogger(OpeningHeldOrder.class);

    private final Orders orders;
    private final Exchange exchange;

    OpeningHeldOrder(Orders orders, Exchange exchange) {
        this.orders = orders;
        this.exchange = exchange;
    }

    public void open(OpenHeldOrder command) {
        String instrumentId = orders.find(command.orderId()).map(Order::instrumentId).orElse(null);
        if (instrumentId == null) {
            log.warn("credits held for order {}, which is not this exchange's; ignored", command.orderId());
            return;
        }
        exchange.execute(new BookCommand.OpenHeld(instrumentId, command.orderId(), command.heldQuantity()));
    }
}
