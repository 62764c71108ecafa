package org.carbonsink.trading.trade;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.carbonsink.support.jdbc.Pipeline;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class Trades {

    private static final String COLUMNS = """
            id, instrument_id, buy_order_id, sell_order_id, buyer_id, seller_id, quantity, price, amount, currency,
            status, failure_reason, executed_at, closed_at, failure_code""";

    /** Fails a trade still awaiting delivery: one row updated, or none when it no longer awaits it. */
    private static final String FAIL = """
            update trade set status = 'FAILED', failure_code = ?, failure_reason = ?, closed_at = ?
            where id = ? and status = 'PENDING_DELIVERY'
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    Trades(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public Optional<Trade> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from trade where id = :id").param("id", id).query(Trades::map)
                .optional();
    }

    /** Trades newest first, of one instrument or of all when {@code instrumentId} is null. */
    public List<Trade> list(String instrumentId, int limit, long offset) {
        return jdbc.sql("select " + COLUMNS + " from trade where (cast(:instrumentId as text) is null"
                + " or instrument_id = :instrumentId) order by seq desc limit :limit offset :offset")
                .param("instrumentId", instrumentId).param("limit", limit).param("offset", offset)
                .query(Trades::map).list();
    }

    public long count(String instrumentId) {
        return jdbc.sql("select count(*) from trade where cast(:instrumentId as text) is null"
                + " or instrument_id = :instrumentId").param("instrumentId", instrumentId).query(Long.class).single();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Trade> lock(UUID id) {
        return lock(new Pipeline(), id);
    }

    /** As {@link #lock(UUID)}, after the statements {@code first} holds, in the same round trip. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Trade> lock(Pipeline first, UUID id) {
        int step = first.size();
        return first.query("select " + COLUMNS + " from trade where id = ? for update", Trades::map, id).run(template)
                .<Trade>rows(step).stream().findFirst();
    }

    /**
     * Records the trades of one batch of the matching engine: its insert (one statement, the rows as arrays
     * through {@code unnest}) is added to {@code writes}, which the caller runs in this transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void addAll(Pipeline writes, List<Trade> added) {
        if (added.isEmpty()) {
            return;
        }
        writes.update("""
                insert into trade (id, instrument_id, buy_order_id, sell_order_id, buyer_id, seller_id, quantity, price,
                                   amount, currency, status, executed_at)
                select * from unnest(?::uuid[], ?::text[], ?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::bigint[],
                                     ?::numeric[], ?::numeric[], ?::text[], ?::text[], ?::timestamptz[])
                """, Pipeline.column("uuid", added, Trade::id), Pipeline.column("text", added, Trade::instrumentId),
                Pipeline.column("uuid", added, Trade::buyOrderId), Pipeline.column("uuid", added, Trade::sellOrderId),
                Pipeline.column("uuid", added, Trade::buyerId), Pipeline.column("uuid", added, Trade::sellerId),
                Pipeline.column("int8", added, Trade::quantity), Pipeline.column("numeric", added, Trade::price),
                Pipeline.column("numeric", added, Trade::amount), Pipeline.column("text", added, Trade::currency),
                Pipeline.column("text", added, t -> t.status().name()),
                Pipeline.column("timestamptz", added, t -> Timestamp.from(t.executedAt())));
    }

    /**
     * Fails a trade awaiting delivery; answers false, changing nothing, if it is no longer awaiting it.
     * The caller releases the buyer's cash in the same transaction (invariant 5).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean fail(UUID id, TradeFailure failure, Instant at) {
        return template.update(FAIL, failure.code(), failure.reason(), Timestamp.from(at), id) == 1;
    }

    /**
     * As {@link #fail(UUID, TradeFailure, Instant)}, its update added to {@code writes}, which the caller runs in
     * this transaction; {@code failed} is told whether the trade was failed (1) or was no longer awaiting
     * delivery (0), in its turn among the pipeline's checks.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void fail(Pipeline writes, UUID id, TradeFailure failure, Instant at, IntConsumer failed) {
        writes.updateChecked(FAIL, failed, failure.code(), failure.reason(), Timestamp.from(at), id);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    /** The trade is SETTLED, after the statements {@code before} (the cash legs), all in one round trip. */
    void settle(Pipeline before, UUID id, Instant at) {
        before.update("""
                update trade set status = 'SETTLED', closed_at = ? where id = ? and status = 'PENDING_DELIVERY'
                """, Timestamp.from(at), id).run(template);
    }

    private static Trade map(ResultSet rs, int row) throws SQLException {
        Timestamp closedAt = rs.getTimestamp("closed_at");
        return new Trade(rs.getObject("id", UUID.class), rs.getString("instrument_id"),
                rs.getObject("buy_order_id", UUID.class), rs.getObject("sell_order_id", UUID.class),
                rs.getObject("buyer_id", UUID.class), rs.getObject("seller_id", UUID.class), rs.getLong("quantity"),
                rs.getBigDecimal("price"), rs.getBigDecimal("amount"), rs.getString("currency"),
                TradeStatus.valueOf(rs.getString("status")), rs.getString("failure_reason"),
                rs.getTimestamp("executed_at").toInstant(), closedAt == null ? null : closedAt.toInstant(),
                rs.getString("failure_code"));
    }
}
