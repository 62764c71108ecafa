package org.carbonsink.trading.saga;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sagas past their deadline, and the record of each question asked about them. */
@Repository
class SagaAsks {

    enum Kind {
        HOLD, DELIVERY
    }

    /** A saga to ask about now; {@code asks} is how often it was asked before. */
    record Due(UUID subjectId, String instrumentId, int asks) {
    }

    private final JdbcClient jdbc;

    SagaAsks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Holds asked for before {@code cutoff} and still awaited, not asked about or due again: of sell
     * orders, block trades and auctions (the hold id is the order's, the block trade's or the auction's).
     */
    List<Due> dueHolds(Instant cutoff, Instant now, int limit) {
        return due("""
                select h.id, h.instrument_id, coalesce(a.asks, 0) from (
                    select id, instrument_id, placed_at as asked_at from exchange_order
                    where status = 'PENDING_HOLD' and placed_at <= :cutoff
                    union all
                    select id, instrument_id, proposed_at from block_trade
                    where status = 'PENDING_HOLD' and proposed_at <= :cutoff
                    union all
                    select id, instrument_id, announced_at from auction
                    where status = 'PENDING_HOLD' and announced_at <= :cutoff
                ) h
                left join saga_ask a on a.subject_id = h.id
                where a.next_ask_at is null or a.next_ask_at <= :now
                order by h.asked_at limit :limit
                """, cutoff, now, limit);
    }

    /**
     * Trades executed before {@code cutoff} still waiting for their delivery, not asked about or due again:
     * book and off-book trades alike, all in the trade table.
     */
    List<Due> dueDeliveries(Instant cutoff, Instant now, int limit) {
        return due("""
                select t.id, t.instrument_id, coalesce(a.asks, 0) from trade t
                left join saga_ask a on a.subject_id = t.id
                where t.status = 'PENDING_DELIVERY' and t.executed_at <= :cutoff
                  and (a.next_ask_at is null or a.next_ask_at <= :now)
                order by t.executed_at limit :limit
                """, cutoff, now, limit);
    }

    private List<Due> due(String sql, Instant cutoff, Instant now, int limit) {
        return jdbc.sql(sql).param("cutoff", Timestamp.from(cutoff)).param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, row) -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3))).list();
    }

    /**
     * Records one more ask about the saga; answers false, recording nothing, if another instance asked
     * since {@code due} was read.
     */
    boolean record(Kind kind, Due due, Instant now, Instant nextAskAt) {
        return jdbc.sql("""
                insert into saga_ask (subject_id, kind, instrument_id, asks, first_asked_at, last_asked_at, next_ask_at)
                values (:id, :kind, :instrument, 1, :now, :now, :next)
                on conflict (subject_id) do update set asks = saga_ask.asks + 1, last_asked_at = :now, next_ask_at = :next
                where saga_ask.asks = :asks
                """).param("id", due.subjectId()).param("kind", kind.name()).param("instrument", due.instrumentId())
                .param("now", Timestamp.from(now)).param("next", Timestamp.from(nextAskAt)).param("asks", due.asks())
                .update() == 1;
    }
}
