package org.carbonsink.trading.order;

import org.springframework.stereotype.Component;

/** Puts a sell order in its book once the registry holds its credits; it may trade at once. */
@Component
public class OpeningHeldOrder {

    private final Orders orders;
    private final Exchange exchange;

    OpeningHeldOrder(Orders orders, Exchange exchange) {
        this.orders = orders;
        this.exchange = exchange;
    }

    public void open(OpenHeldOrder command) {
        String instrumentId = orders.find(command.orderId()).map(Order::instrumentId)
                .orElseThrow(() -> new IllegalStateException("credits held for unknown order " + command.orderId()));
        exchange.execute(new BookCommand.OpenHeld(instrumentId, command.orderId(), command.heldQuantity()));
    }
}
