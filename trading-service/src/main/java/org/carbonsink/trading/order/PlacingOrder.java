package org.carbonsink.trading.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.trading.cash.CashAccount;
import org.carbonsink.trading.cash.CashAccounts;
import org.carbonsink.trading.instrument.Instrument;
import org.carbonsink.trading.instrument.Instruments;
import org.carbonsink.trading.matching.Side;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places a limit order. A buy order reserves its full cost and opens at once; a sell order waits
 * for the registry to hold its credits (invariant 4: neither side exceeds what backs it).
 */
@Component
public class PlacingOrder {

    private final Instruments instruments;
    private final Orders orders;
    private final CashAccounts accounts;
    private final MatchingOrders matching;
    private final CreditHolds holds;
    private final Clock clock;

    PlacingOrder(Instruments instruments, Orders orders, CashAccounts accounts, MatchingOrders matching,
            CreditHolds holds, Clock clock) {
        this.instruments = instruments;
        this.orders = orders;
        this.accounts = accounts;
        this.matching = matching;
        this.holds = holds;
        this.clock = clock;
    }

    @Transactional
    public Order place(PlaceOrder command) {
        if (command.quantity() < 1 || command.limitPrice().signum() <= 0) {
            throw new IllegalArgumentException("an order is for at least 1 credit at a positive price");
        }
        BigDecimal limitPrice = command.limitPrice().setScale(2, RoundingMode.UNNECESSARY);
        return command.side() == Side.BUY ? buy(command, limitPrice) : sell(command, limitPrice);
    }

    private Order buy(PlaceOrder command, BigDecimal limitPrice) {
        instruments.lock(command.instrumentId()).orElseThrow(() -> unknown(command.instrumentId()));
        BigDecimal cost = Order.cost(command.quantity(), limitPrice);
        if (!accounts.reserve(command.participantId(), cost)) {
            BigDecimal available = accounts.find(command.participantId()).map(CashAccount::available)
                    .orElse(BigDecimal.ZERO.setScale(2));
            throw ProblemException.rule("insufficient-cash", "Insufficient cash",
                    "the order needs " + cost + " CNY reserved and the account has " + available + " CNY available")
                    .with("required", cost).with("available", available);
        }
        Order order = newOrder(command, limitPrice, cost, OrderStatus.OPEN);
        orders.add(order);
        matching.match(order);
        return orders.find(order.id()).orElseThrow();
    }

    private Order sell(PlaceOrder command, BigDecimal limitPrice) {
        Instrument instrument = instruments.find(command.instrumentId())
                .orElseThrow(() -> unknown(command.instrumentId()));
        Order order = newOrder(command, limitPrice, BigDecimal.ZERO.setScale(2), OrderStatus.PENDING_HOLD);
        orders.add(order);
        holds.request(order, instrument);
        return orders.find(order.id()).orElseThrow();
    }

    private Order newOrder(PlaceOrder command, BigDecimal limitPrice, BigDecimal reservedCash, OrderStatus status) {
        Instant now = Instant.now(clock);
        return new Order(UUID.randomUUID(), command.instrumentId(), command.participantId(), command.side(),
                command.quantity(), limitPrice, 0, reservedCash, status, null, now, now);
    }

    private static ProblemException unknown(String instrumentId) {
        return ProblemException.rule("unknown-instrument", "Unknown instrument",
                "no instrument " + instrumentId + " is listed").with("instrumentId", instrumentId);
    }
}
