package org.carbonsink.trading.order;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.carbonsink.trading.cash.CashAccounts;
import org.carbonsink.trading.instrument.Instruments;
import org.carbonsink.trading.matching.Side;
import org.carbonsink.support.web.ProblemException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner cancels an open order. What is filled stays traded; the rest leaves the book: a buy
 * order's cash reservation is freed at once, a sell order's unfilled credits are asked back from
 * the registry hold (credits of executed trades stay held for their delivery).
 */
@Component
public class CancellingOrder {

    private final Instruments instruments;
    private final Orders orders;
    private final CashAccounts accounts;
    private final CreditHolds holds;
    private final Clock clock;

    CancellingOrder(Instruments instruments, Orders orders, CashAccounts accounts, CreditHolds holds, Clock clock) {
        this.instruments = instruments;
        this.orders = orders;
        this.accounts = accounts;
        this.holds = holds;
        this.clock = clock;
    }

    public record CancelOrder(UUID orderId, UUID callerId) {
    }

    @Transactional
    public Order cancel(CancelOrder command) {
        Order found = orders.find(command.orderId())
                .orElseThrow(() -> ProblemException.notFound("order", command.orderId()));
        if (!found.participantId().equals(command.callerId())) {
            throw ProblemException.forbidden("only the participant who placed an order may cancel it");
        }
        // the instrument first, as everywhere a book changes, then the order itself
        instruments.lock(found.instrumentId()).orElseThrow();
        Order order = orders.lock(found.id()).orElseThrow();
        if (order.status() == OrderStatus.PENDING_HOLD) {
            throw ProblemException.conflict("order-awaiting-hold", "Order not open yet",
                    "the registry has not yet confirmed the credits of order " + order.id() + "; cancel it once it is open");
        }
        if (order.status() != OrderStatus.OPEN) {
            throw ProblemException.conflict("order-closed", "Order closed",
                    "order " + order.id() + " is " + order.status() + " and cannot be cancelled");
        }
        orders.cancel(order.id(), Instant.now(clock));
        long unfilled = order.quantity() - order.filledQuantity();
        if (order.side() == Side.BUY) {
            accounts.release(order.participantId(), order.reservedCash());
        } else {
            holds.release(order, unfilled);
        }
        return orders.find(order.id()).orElseThrow();
    }
}
