package org.carbonsink.trading.offbook;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.carbonsink.trading.trade.TradeFailed;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records an off-book trade in the trade table (venue BLOCK or AUCTION, no orders) and asks the
 * registry to deliver it from the deal's hold. From there it settles like a book trade: the trade
 * feature pays the seller on {@code CreditsDelivered}, or releases the buyer's cash on
 * {@code CreditDeliveryFailed}, after which the hold's owner gives the credits back to the seller.
 */
@Component
public class ExecutingOffBookTrade {

    private final JdbcClient jdbc;
    private final OffBookDeliveries deliveries;
    private final List<HoldOwner> owners;

    ExecutingOffBookTrade(JdbcClient jdbc, OffBookDeliveries deliveries, List<HoldOwner> owners) {
        this.jdbc = jdbc;
        this.deliveries = deliveries;
        this.owners = List.copyOf(owners);
    }

    /** Answers the new trade's id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID execute(ExecuteOffBookTrade command) {
        UUID tradeId = UUID.randomUUID();
        BigDecimal amount = command.price().multiply(BigDecimal.valueOf(command.quantity()));
        jdbc.sql("""
                insert into trade (id, instrument_id, venue, buyer_id, seller_id, quantity, price, amount, currency,
                                   status, executed_at)
                values (:id, :instrumentId, :venue, :buyerId, :sellerId, :quantity, :price, :amount, 'CNY',
                        'PENDING_DELIVERY', :executedAt)
                """)
                .param("id", tradeId)
                .param("instrumentId", command.instrumentId())
                .param("venue", command.venue().name())
                .param("buyerId", command.buyerId())
                .param("sellerId", command.sellerId())
                .param("quantity", command.quantity())
                .param("price", command.price())
                .param("amount", amount)
                .param("executedAt", Timestamp.from(command.executedAt()))
                .update();
        jdbc.sql("insert into off_book_trade (trade_id, hold_id) values (:tradeId, :holdId)")
                .param("tradeId", tradeId).param("holdId", command.holdId()).update();
        deliveries.request(tradeId, command.holdId(), command.instrumentId(), command.sellerId(), command.buyerId(),
                command.quantity(), command.price());
        return tradeId;
    }

    /** A failed off-book trade: the owner of its hold gives the credits back (book trades carry a sell order). */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(TradeFailed failed) {
        if (failed.sellOrderId() != null) {
            return;
        }
        UUID holdId = jdbc.sql("select hold_id from off_book_trade where trade_id = :id").param("id", failed.tradeId())
                .query(UUID.class).single();
        if (owners.stream().noneMatch(owner -> owner.deliveryFailed(holdId, failed.tradeId(), failed.quantity()))) {
            throw new IllegalStateException("no trading mode owns hold " + holdId + " of failed trade " + failed.tradeId());
        }
    }
}
