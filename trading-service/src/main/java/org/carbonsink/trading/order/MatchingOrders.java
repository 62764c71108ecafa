package org.carbonsink.trading.order;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.carbonsink.trading.cash.CashAccounts;
import org.carbonsink.trading.matching.Fill;
import org.carbonsink.trading.matching.OrderBook;
import org.carbonsink.trading.matching.PriceLevelOrderBook;
import org.carbonsink.trading.trade.ExecuteTrade;
import org.carbonsink.trading.trade.ExecutingTrade;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Matches an order that has just opened against its instrument's book and records the fills.
 *
 * <p>The caller holds the instrument's lock ({@code Instruments.lock}), so the book rebuilt here
 * from the open orders is the whole truth until the transaction ends.
 */
@Component
class MatchingOrders {

    private final Orders orders;
    private final CashAccounts accounts;
    private final ExecutingTrade executing;
    private final Clock clock;

    MatchingOrders(Orders orders, CashAccounts accounts, ExecutingTrade executing, Clock clock) {
        this.orders = orders;
        this.accounts = accounts;
        this.executing = executing;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    List<Fill> match(Order incoming) {
        OrderBook book = new PriceLevelOrderBook(clock);
        Map<UUID, Order> byId = new HashMap<>();
        for (Order resting : orders.openOn(incoming.instrumentId())) {
            byId.put(resting.id(), resting);
            if (!resting.id().equals(incoming.id())) {
                book.rest(resting.inBook());
            }
        }
        byId.put(incoming.id(), incoming);

        List<Fill> fills = book.place(incoming.inBook());
        // buyers' releases applied per buyer in id order, so that concurrent matches cannot deadlock
        Map<UUID, BigDecimal> released = new TreeMap<>();
        Instant now = Instant.now(clock);
        for (Fill fill : fills) {
            Order buy = byId.get(fill.buyOrderId());
            // the buy order reserved quantity × limit; the trade keeps quantity × price of it and the rest is free
            orders.fill(buy.id(), fill.quantity(), Order.cost(fill.quantity(), buy.limitPrice()), now);
            orders.fill(fill.sellOrderId(), fill.quantity(), BigDecimal.ZERO, now);
            executing.execute(new ExecuteTrade(incoming.instrumentId(), fill.buyOrderId(), fill.sellOrderId(),
                    fill.buyerId(), fill.sellerId(), fill.quantity(), fill.price(), fill.executedAt()));
            released.merge(fill.buyerId(), Order.cost(fill.quantity(), buy.limitPrice().subtract(fill.price())),
                    BigDecimal::add);
        }
        released.forEach((buyer, amount) -> {
            if (amount.signum() > 0) {
                accounts.release(buyer, amount);
            }
        });
        return fills;
    }
}
