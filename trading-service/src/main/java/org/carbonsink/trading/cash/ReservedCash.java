package org.carbonsink.trading.cash;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Recomputes every account's reserved cash from what it backs (invariant 4): open buy orders
 * (their {@code reserved_cash}), open auction bids (theirs) and trades awaiting delivery (their
 * amount, whatever the venue). An account whose reservation differs is a defect to look at.
 */
@Repository
public class ReservedCash {

    private final JdbcClient jdbc;

    ReservedCash(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The accounts whose reserved cash is not exactly what backs it; empty when all agree. */
    public List<CashMismatch> mismatches() {
        return jdbc.sql("""
                with backing as (
                    select participant_id, reserved_cash as amount from exchange_order
                    where side = 'BUY' and status = 'OPEN'
                    union all
                    select bidder_id, reserved_cash from auction_bid where status = 'OPEN'
                    union all
                    select buyer_id, amount from trade where status = 'PENDING_DELIVERY'
                ), backed as (
                    select participant_id, sum(amount) as amount from backing group by participant_id
                )
                -- a full join: cash backing something without an account is as wrong as the reverse
                select coalesce(a.participant_id, b.participant_id) as participant_id,
                       coalesce(a.reserved, 0) as reserved, coalesce(b.amount, 0) as backed
                from cash_account a full join backed b on b.participant_id = a.participant_id
                where coalesce(a.reserved, 0) <> coalesce(b.amount, 0)
                order by 1
                """).query((rs, row) -> new CashMismatch(rs.getObject("participant_id", UUID.class),
                        rs.getBigDecimal("reserved"), rs.getBigDecimal("backed")))
                .list();
    }
}
