package org.carbonsink.trading.market;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Queries behind the public market data; each answers what anyone may see. */
@Repository
public class MarketData {

    /** Trading days are calendar days in China's time zone, whatever the server's. */
    public static final ZoneId TRADING_ZONE = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;

    MarketData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The best {@code levels} prices of one side of the book, with their open quantity and number of orders. */
    public List<DepthLevel> depth(String instrumentId, String side, int levels) {
        return jdbc.sql("""
                select limit_price, sum(quantity - filled_quantity) as quantity, count(*) as orders
                from exchange_order where instrument_id = :instrumentId and status = 'OPEN' and side = :side
                group by limit_price
                order by case when :side = 'BUY' then -limit_price else limit_price end
                limit :levels
                """).param("instrumentId", instrumentId).param("side", side).param("levels", levels)
                .query((rs, row) -> new DepthLevel(rs.getBigDecimal("limit_price"), rs.getLong("quantity"),
                        rs.getInt("orders")))
                .list();
    }

    /** Trades of every venue that did not fail, newest first. */
    public List<MarketTrade> trades(String instrumentId, int limit, long offset) {
        return jdbc.sql("""
                select id, venue, quantity, price, amount, status, executed_at from trade
                where instrument_id = :instrumentId and status <> 'FAILED' order by seq desc limit :limit offset :offset
                """).param("instrumentId", instrumentId).param("limit", limit).param("offset", offset)
                .query((rs, row) -> new MarketTrade(rs.getObject("id", UUID.class), rs.getString("venue"),
                        rs.getLong("quantity"), rs.getBigDecimal("price"), rs.getBigDecimal("amount"),
                        rs.getString("status"), rs.getTimestamp("executed_at").toInstant()))
                .list();
    }

    public long countTrades(String instrumentId) {
        return jdbc.sql("select count(*) from trade where instrument_id = :instrumentId and status <> 'FAILED'")
                .param("instrumentId", instrumentId).query(Long.class).single();
    }

    /**
     * One bar per trading day from {@code from} to {@code to} (both included) with book trades that did
     * not fail: open and close are the first and last trade's price in execution order.
     */
    public List<DailyBar> daily(String instrumentId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select (executed_at at time zone 'Asia/Shanghai')::date as day,
                       (array_agg(price order by seq))[1] as open, max(price) as high, min(price) as low,
                       (array_agg(price order by seq desc))[1] as close,
                       sum(quantity) as volume, sum(amount) as turnover, count(*) as trades
                from trade
                where instrument_id = :instrumentId and venue = 'BOOK' and status <> 'FAILED'
                  and executed_at >= :start and executed_at < :end
                group by day order by day
                """)
                .param("instrumentId", instrumentId)
                .param("start", Timestamp.from(from.atStartOfDay(TRADING_ZONE).toInstant()))
                .param("end", Timestamp.from(to.plusDays(1).atStartOfDay(TRADING_ZONE).toInstant()))
                .query((rs, row) -> new DailyBar(rs.getObject("day", LocalDate.class), rs.getBigDecimal("open"),
                        rs.getBigDecimal("high"), rs.getBigDecimal("low"), rs.getBigDecimal("close"),
                        rs.getLong("volume"), rs.getBigDecimal("turnover"), rs.getInt("trades")))
                .list();
    }

    /**
     * Executed block trades whose trade did not fail (settled or still delivering), newest first, of one
     * instrument or of all when {@code instrumentId} is null: what traded, as the public trade list and the
     * auction results count it. A block trade whose delivery failed moved neither credits nor cash.
     */
    public List<BlockTradeResult> blockTrades(String instrumentId, int limit, long offset) {
        return jdbc.sql("""
                select b.id, b.instrument_id, b.quantity, b.price, b.amount, b.reference_price, t.status, t.executed_at
                from block_trade b join trade t on t.id = b.trade_id
                where b.status = 'EXECUTED' and t.status <> 'FAILED'
                  and (cast(:instrumentId as text) is null or b.instrument_id = :instrumentId)
                order by t.seq desc limit :limit offset :offset
                """).param("instrumentId", instrumentId).param("limit", limit).param("offset", offset)
                .query((rs, row) -> new BlockTradeResult(rs.getObject("id", UUID.class), rs.getString("instrument_id"),
                        rs.getLong("quantity"), rs.getBigDecimal("price"), rs.getBigDecimal("amount"),
                        rs.getBigDecimal("reference_price"), rs.getString("status"),
                        rs.getTimestamp("executed_at").toInstant()))
                .list();
    }

    public long countBlockTrades(String instrumentId) {
        return jdbc.sql("""
                select count(*) from block_trade b join trade t on t.id = b.trade_id
                where b.status = 'EXECUTED' and t.status <> 'FAILED'
                  and (cast(:instrumentId as text) is null or b.instrument_id = :instrumentId)
                """)
                .param("instrumentId", instrumentId).query(Long.class).single();
    }

    /**
     * Closed auctions, newest first: what the close allocated, and what their trades that did not fail
     * delivered or still deliver (the trades the public trade list shows).
     */
    public List<AuctionResult> auctions(String instrumentId, int limit, long offset) {
        return jdbc.sql("""
                select a.id, a.instrument_id, a.quantity, a.floor_price, a.allocated_quantity, a.starts_at, a.ends_at,
                       a.closed_at, count(b.id) filter (where b.allocated_quantity > 0) as winning_bids,
                       count(b.id) as bids, max(b.price) filter (where b.allocated_quantity > 0) as highest_price,
                       min(b.price) filter (where b.allocated_quantity > 0) as lowest_winning_price,
                       coalesce(sum(t.quantity) filter (where t.status <> 'FAILED'), 0) as traded_quantity,
                       coalesce(sum(t.amount) filter (where t.status <> 'FAILED'), 0) as turnover
                from auction a left join auction_bid b on b.auction_id = a.id left join trade t on t.id = b.trade_id
                where a.status = 'CLOSED' and (cast(:instrumentId as text) is null or a.instrument_id = :instrumentId)
                group by a.id order by a.closed_at desc, a.seq desc limit :limit offset :offset
                """).param("instrumentId", instrumentId).param("limit", limit).param("offset", offset)
                .query(MarketData::auctionResult).list();
    }

    public long countAuctions(String instrumentId) {
        return jdbc.sql("select count(*) from auction where status = 'CLOSED'"
                + " and (cast(:instrumentId as text) is null or instrument_id = :instrumentId)")
                .param("instrumentId", instrumentId).query(Long.class).single();
    }

    private static AuctionResult auctionResult(ResultSet rs, int row) throws SQLException {
        long traded = rs.getLong("traded_quantity");
        BigDecimal turnover = rs.getBigDecimal("turnover").setScale(2, RoundingMode.UNNECESSARY);
        // the average a winner paid, to the fen, half to even: for display only, each winner paid its own bid
        BigDecimal average = traded == 0 ? null
                : turnover.divide(BigDecimal.valueOf(traded), 2, RoundingMode.HALF_EVEN);
        return new AuctionResult(rs.getObject("id", UUID.class), rs.getString("instrument_id"), rs.getLong("quantity"),
                rs.getBigDecimal("floor_price"), rs.getLong("allocated_quantity"), rs.getInt("bids"),
                rs.getInt("winning_bids"), rs.getBigDecimal("highest_price"), rs.getBigDecimal("lowest_winning_price"),
                traded, average, turnover,
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                rs.getTimestamp("closed_at").toInstant());
    }
}
