package org.carbonsink.trading.trade;

import java.math.BigDecimal;
import java.util.UUID;
import org.carbonsink.trading.cash.CashAccount;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a trade awaiting delivery and asks the registry to deliver its credits. The caller has
 * already left the trade's amount reserved in the buyer's account.
 */
@Component
public class ExecutingTrade {

    private final Trades trades;
    private final CreditDeliveries deliveries;

    ExecutingTrade(Trades trades, CreditDeliveries deliveries) {
        this.trades = trades;
        this.deliveries = deliveries;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Trade execute(ExecuteTrade command) {
        BigDecimal amount = command.price().multiply(BigDecimal.valueOf(command.quantity()));
        Trade trade = new Trade(UUID.randomUUID(), command.instrumentId(), command.buyOrderId(), command.sellOrderId(),
                command.buyerId(), command.sellerId(), command.quantity(), command.price(), amount, CashAccount.CNY,
                TradeStatus.PENDING_DELIVERY, null, command.executedAt(), null);
        trades.add(trade);
        deliveries.request(trade);
        return trade;
    }
}
