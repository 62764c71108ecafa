package org.carbonsink.trading.trade;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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

    /** Records the trades of one batch of the matching engine (one round trip). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void addAll(List<Trade> added) {
        if (added.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                insert into trade (id, instrument_id, buy_order_id, sell_order_id, buyer_id, seller_id, quantity, price,
                                   amount, currency, status, executed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, added.stream().map(t -> new Object[] { t.id(), t.instrumentId(), t.buyOrderId(), t.sellOrderId(),
                t.buyerId(), t.sellerId(), t.quantity(), t.price(), t.amount(), t.currency(), t.status().name(),
                Timestamp.from(t.executedAt()) }).toList());
    }

    /**
     * Fails a trade awaiting delivery; answers false, changing nothing, if it is no longer awaiting it.
     * The caller releases the buyer's cash in the same transaction (invariant 5).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean fail(UUID id, TradeFailure failure, Instant at) {
        return jdbc.sql("""
                update trade set status = 'FAILED', failure_code = :code, failure_reason = :reason, closed_at = :at
                where id = :id and status = 'PENDING_DELIVERY'
                """).param("id", id).param("code", failure.code()).param("reason", failure.reason())
                .param("at", Timestamp.from(at)).update() == 1;
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
