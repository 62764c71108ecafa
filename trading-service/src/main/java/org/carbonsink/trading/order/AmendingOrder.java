package org.carbonsink.trading.order;

import java.math.BigDecimal;
import java.util.UUID;
import org.carbonsink.support.web.ProblemException;
import org.springframework.stereotype.Component;

/**
 * The owner changes an open order's limit price and/or quantity. A lower quantity at the same price
 * keeps the order's place in the queue; a new price (or more quantity) puts it at the back of its
 * level, and a new price may trade at once. A buy order's reservation follows; a sell order cannot
 * grow beyond the credits the registry holds for it, and what it gives up is released.
 */
@Component
public class AmendingOrder {

    private final Orders orders;
    private final Exchange exchange;

    AmendingOrder(Orders orders, Exchange exchange) {
        this.orders = orders;
        this.exchange = exchange;
    }

    /** {@code quantity} is the new total (filled included); null keeps what is there. */
    public record AmendOrder(UUID orderId, UUID callerId, BigDecimal limitPrice, Long quantity) {
    }

    public Order amend(AmendOrder command) {
        if (command.limitPrice() == null && command.quantity() == null) {
            throw ProblemException.invalidField("limitPrice", "AmendsSomething", "or quantity must be given");
        }
        Order found = orders.find(command.orderId())
                .orElseThrow(() -> ProblemException.notFound("order", command.orderId()));
        if (!found.participantId().equals(command.callerId())) {
            throw ProblemException.forbidden("only the participant who placed an order may amend it");
        }
        return (Order) exchange.execute(new BookCommand.Amend(found.instrumentId(), found.id(), command.callerId(),
                command.limitPrice(), command.quantity()));
    }
}
