package org.carbonsink.trading.reconciliation;

import java.util.List;
import java.util.UUID;
import org.carbonsink.trading.cash.ReservedCash;
import org.carbonsink.trading.reconciliation.SettlementSnapshot.CashState;
import org.carbonsink.trading.reconciliation.SettlementSnapshot.HoldClaim;
import org.carbonsink.trading.reconciliation.SettlementSnapshot.TradeState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Reads the {@link SettlementSnapshot} in one repeatable-read transaction, so its parts agree with each other. */
@Component
public class SettlementRecords {

    /** A trade's hold: a book trade's is its sell order, an off-book trade's is recorded beside it. */
    private static final String TRADE_HOLDS = """
            trade_hold as (
                select t.id, coalesce(t.sell_order_id, o.hold_id) as hold_id, t.venue, t.status, t.quantity
                from trade t left join off_book_trade o on o.trade_id = t.id)
            """;

    private final JdbcClient jdbc;
    private final ReservedCash reservedCash;

    SettlementRecords(JdbcClient jdbc, ReservedCash reservedCash) {
        this.jdbc = jdbc;
        this.reservedCash = reservedCash;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public SettlementSnapshot snapshot() {
        List<HoldClaim> holds = jdbc.sql("with " + TRADE_HOLDS + """
                , per_hold as (
                    select hold_id,
                           coalesce(sum(quantity) filter (where status = 'PENDING_DELIVERY'), 0) as pending,
                           coalesce(sum(quantity) filter (where status = 'SETTLED'), 0) as settled
                    from trade_hold group by hold_id),
                claim as (
                    select id, 'SELL_ORDER' as kind, status,
                           case when status = 'OPEN' then quantity - filled_quantity else 0 end as open_part
                    from exchange_order where side = 'SELL'
                    union all
                    select id, 'BLOCK_TRADE', status, case when status = 'PROPOSED' then quantity else 0 end
                    from block_trade
                    union all
                    select id, 'AUCTION', status, case when status = 'OPEN' then quantity else 0 end from auction)
                select c.id, c.kind, c.status, c.status = 'PENDING_HOLD' as awaiting,
                       c.open_part + coalesce(p.pending, 0) as remaining, coalesce(p.settled, 0) as delivered
                from claim c left join per_hold p on p.hold_id = c.id
                order by c.id
                """).query((rs, n) -> new HoldClaim(rs.getObject("id", UUID.class), rs.getString("kind"),
                        rs.getString("status"), rs.getBoolean("awaiting"), rs.getLong("remaining"),
                        rs.getLong("delivered")))
                .list();
        List<TradeState> trades = jdbc.sql("with " + TRADE_HOLDS
                + "select id, hold_id, venue, status, quantity from trade_hold order by id")
                .query((rs, n) -> new TradeState(rs.getObject("id", UUID.class), rs.getObject("hold_id", UUID.class),
                        rs.getString("venue"), rs.getString("status"), rs.getLong("quantity")))
                .list();
        List<CashState> cash = jdbc.sql("""
                with moved as (
                    select participant_id, sum(case kind when 'DEPOSIT' then amount else -amount end) as amount
                    from cash_movement group by participant_id),
                traded as (
                    select seller_id as participant_id, amount from trade where status = 'SETTLED'
                    union all
                    select buyer_id, -amount from trade where status = 'SETTLED'),
                net_traded as (select participant_id, sum(amount) as amount from traded group by participant_id)
                select a.participant_id, a.balance, coalesce(m.amount, 0) + coalesce(t.amount, 0) as expected_balance
                from cash_account a
                left join moved m on m.participant_id = a.participant_id
                left join net_traded t on t.participant_id = a.participant_id
                order by a.participant_id
                """).query((rs, n) -> new CashState(rs.getObject("participant_id", UUID.class),
                        rs.getBigDecimal("balance"), rs.getBigDecimal("expected_balance")))
                .list();
        return new SettlementSnapshot(holds, trades, cash, reservedCash.mismatches());
    }
}
