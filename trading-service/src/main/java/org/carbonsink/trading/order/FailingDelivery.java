package org.carbonsink.trading.order;

import org.carbonsink.trading.trade.FailTrade;
import org.carbonsink.trading.trade.FailingTrade;
import org.carbonsink.trading.trade.Trade;
import org.carbonsink.trading.trade.Trades;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Compensates a trade whose credits could not be delivered: the trade FAILS and the buyer's cash
 * reserved for it is released, so neither leg moves (invariant 5). When the failure is not the
 * seller's (the registry's code names the buyer), the registry still holds the seller's credits and the sell
 * order gets the quantity back, keeping its place in the queue; otherwise the seller's hold no longer
 * backs that quantity: the order does not get it back, and the registry is asked to let go of whatever
 * it still holds of it.
 */
@Component
public class FailingDelivery {

    private static final Logger log = LoggerFactory.getLogger(FailingDelivery.class);

    private final Trades trades;
    private final Exchange exchange;
    private final FailingTrade offBook;

    FailingDelivery(Trades trades, Exchange exchange, FailingTrade offBook) {
        this.trades = trades;
        this.exchange = exchange;
        this.offBook = offBook;
    }

    public void fail(FailDelivery command) {
        Trade trade = trades.find(command.tradeId()).orElse(null);
        if (trade == null) {
            log.warn("delivery failed for trade {}, which is not this exchange's; ignored", command.tradeId());
            return;
        }
        if (trade.sellOrderId() == null) {
            // made off the book: no order and no book to give the quantity back to
            offBook.fail(new FailTrade(trade.id(), command.reason()));
            return;
        }
        exchange.execute(new BookCommand.FailDelivery(trade.instrumentId(), trade.id(), command.reason(),
                command.buyersFault()));
    }
}
