package org.carbonsink.trading.order;

import java.util.UUID;
import org.carbonsink.support.web.ProblemException;
import org.springframework.stereotype.Component;

/**
 * The owner cancels an open order. What is filled stays traded; the rest leaves the book: a buy
 * order's cash reservation is freed at once, a sell order's unfilled credits are asked back from
 * the registry hold (credits of executed trades stay held for their delivery). A sell order still
 * waiting for its hold is cancelled too, and the registry asked to let go of whatever it holds, or
 * will be asked to hold, for it.
 */
@Component
public class CancellingOrder {

    private final Orders orders;
    private final Exchange exchange;

    CancellingOrder(Orders orders, Exchange exchange) {
        this.orders = orders;
        this.exchange = exchange;
    }

    public record CancelOrder(UUID orderId, UUID callerId) {
    }

    public Order cancel(CancelOrder command) {
        Order found = orders.find(command.orderId())
                .orElseThrow(() -> ProblemException.notFound("order", command.orderId()));
        if (!found.participantId().equals(command.callerId())) {
            throw ProblemException.forbidden("only the participant who placed an order may cancel it");
        }
        return (Order) exchange.execute(new BookCommand.Cancel(found.instrumentId(), found.id(), command.callerId()));
    }
}
