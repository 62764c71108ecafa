package org.carbonsink.trading.blocktrade;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Block trade rules as data, and the reference price their band is around. */
@Repository
public class BlockTradeRules {

    private final JdbcClient jdbc;

    BlockTradeRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The instrument's own rule, or the default rule (with the instrument's id) if it has none. */
    public BlockTradeRule of(String instrumentId) {
        return jdbc.sql("""
                select :instrumentId as instrument_id, minimum_quantity, band, reference_price, source, updated_at
                from block_trade_rule where instrument_id in (:instrumentId, '*')
                order by instrument_id = '*' limit 1
                """).param("instrumentId", instrumentId).query(BlockTradeRules::map).single();
    }

    /**
     * The reference price of the band: the operator's for the instrument if set, otherwise the price of
     * the last book trade that did not fail; empty if neither exists.
     */
    public Optional<BigDecimal> referencePrice(BlockTradeRule rule) {
        if (rule.referencePrice() != null) {
            return Optional.of(rule.referencePrice());
        }
        return jdbc.sql("""
                select price from trade where instrument_id = :instrumentId and venue = 'BOOK' and status <> 'FAILED'
                order by seq desc limit 1
                """).param("instrumentId", rule.instrumentId()).query(BigDecimal.class).optional();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void put(BlockTradeRule rule) {
        jdbc.sql("""
                insert into block_trade_rule (instrument_id, minimum_quantity, band, reference_price, source, updated_at)
                values (:instrumentId, :minimumQuantity, :band, :referencePrice, :source, :updatedAt)
                on conflict (instrument_id) do update set minimum_quantity = excluded.minimum_quantity,
                    band = excluded.band, reference_price = excluded.reference_price, source = excluded.source,
                    updated_at = excluded.updated_at
                """)
                .param("instrumentId", rule.instrumentId())
                .param("minimumQuantity", rule.minimumQuantity())
                .param("band", rule.band())
                .param("referencePrice", rule.referencePrice())
                .param("source", rule.source())
                .param("updatedAt", Timestamp.from(rule.updatedAt()))
                .update();
    }

    private static BlockTradeRule map(ResultSet rs, int row) throws SQLException {
        return new BlockTradeRule(rs.getString("instrument_id"), rs.getLong("minimum_quantity"), rs.getBigDecimal("band"),
                rs.getBigDecimal("reference_price"), rs.getString("source"), rs.getTimestamp("updated_at").toInstant());
    }
}
