package org.carbonsink.trading.blocktrade;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carbonsink.trading.trade.TradeStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class BlockTrades {

    private static final String SELECT = """
            select b.id, b.instrument_id, b.seller_id, b.buyer_id, b.quantity, b.price, b.amount, b.reference_price,
                   b.status, b.reason, b.trade_id, t.status as trade_status, b.expires_at, b.proposed_at, b.updated_at
            from block_trade b left join trade t on t.id = b.trade_id
            """;

    private final JdbcClient jdbc;

    BlockTrades(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<BlockTrade> find(UUID id) {
        return jdbc.sql(SELECT + " where b.id = :id").param("id", id).query(BlockTrades::map).optional();
    }

    /** The block trades the participant sells or buys in, newest first. */
    public List<BlockTrade> of(UUID participantId, int limit, long offset) {
        return jdbc.sql(SELECT + " where b.seller_id = :p or b.buyer_id = :p order by b.seq desc limit :limit offset :offset")
                .param("p", participantId).param("limit", limit).param("offset", offset).query(BlockTrades::map).list();
    }

    public long countOf(UUID participantId) {
        return jdbc.sql("select count(*) from block_trade where seller_id = :p or buyer_id = :p")
                .param("p", participantId).query(Long.class).single();
    }

    /** Ids of the proposals still open at {@code now} that should have been accepted by then. */
    List<UUID> dueToExpire(Instant now) {
        return jdbc.sql("select id from block_trade where status in ('PENDING_HOLD', 'PROPOSED') and expires_at <= :now"
                + " order by expires_at").param("now", Timestamp.from(now)).query(UUID.class).list();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Optional<BlockTrade> lock(UUID id) {
        jdbc.sql("select id from block_trade where id = :id for update").param("id", id).query(UUID.class).optional();
        return find(id);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void add(BlockTrade trade) {
        jdbc.sql("""
                insert into block_trade (id, instrument_id, seller_id, buyer_id, quantity, price, amount, reference_price,
                                         status, expires_at, proposed_at, updated_at)
                values (:id, :instrumentId, :sellerId, :buyerId, :quantity, :price, :amount, :referencePrice,
                        :status, :expiresAt, :proposedAt, :proposedAt)
                """)
                .param("id", trade.id())
                .param("instrumentId", trade.instrumentId())
                .param("sellerId", trade.sellerId())
                .param("buyerId", trade.buyerId())
                .param("quantity", trade.quantity())
                .param("price", trade.price())
                .param("amount", trade.amount())
                .param("referencePrice", trade.referencePrice())
                .param("status", trade.status().name())
                .param("expiresAt", Timestamp.from(trade.expiresAt()))
                .param("proposedAt", Timestamp.from(trade.proposedAt()))
                .update();
    }

    /** Moves the block trade from {@code from} to {@code to}; answers false if it was not in {@code from}. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean move(UUID id, BlockTradeStatus from, BlockTradeStatus to, String reason, UUID tradeId, Instant at) {
        return jdbc.sql("""
                update block_trade set status = :to, reason = :reason, trade_id = :tradeId, updated_at = :at
                where id = :id and status = :from
                """).param("id", id).param("from", from.name()).param("to", to.name()).param("reason", reason)
                .param("tradeId", tradeId).param("at", Timestamp.from(at)).update() == 1;
    }

    private static BlockTrade map(ResultSet rs, int row) throws SQLException {
        String tradeStatus = rs.getString("trade_status");
        return new BlockTrade(rs.getObject("id", UUID.class), rs.getString("instrument_id"),
                rs.getObject("seller_id", UUID.class), rs.getObject("buyer_id", UUID.class), rs.getLong("quantity"),
                rs.getBigDecimal("price"), rs.getBigDecimal("amount"), rs.getBigDecimal("reference_price"),
                BlockTradeStatus.valueOf(rs.getString("status")), rs.getString("reason"),
                rs.getObject("trade_id", UUID.class), tradeStatus == null ? null : TradeStatus.valueOf(tradeStatus),
                rs.getTimestamp("expires_at").toInstant(), rs.getTimestamp("proposed_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
