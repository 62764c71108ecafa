package org.carbonsink.trading.auction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class Auctions {

    private static final String COLUMNS = """
            id, instrument_id, seller_id, quantity, floor_price, starts_at, ends_at, status, reason,
            allocated_quantity, announced_at, closed_at""";

    private final JdbcClient jdbc;

    Auctions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Auction> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from auction where id = :id").param("id", id).query(Auctions::map)
                .optional();
    }

    /** Auctions newest first, of one status or of all when {@code status} is null. */
    public List<Auction> list(AuctionStatus status, int limit, long offset) {
        return jdbc.sql("select " + COLUMNS + " from auction where cast(:status as text) is null or status = :status"
                + " order by seq desc limit :limit offset :offset").param("status", status == null ? null : status.name())
                .param("limit", limit).param("offset", offset).query(Auctions::map).list();
    }

    public long count(AuctionStatus status) {
        return jdbc.sql("select count(*) from auction where cast(:status as text) is null or status = :status")
                .param("status", status == null ? null : status.name()).query(Long.class).single();
    }

    /** Ids of the auctions whose window ended by {@code now} and that are not closed yet. */
    List<UUID> due(Instant now) {
        return jdbc.sql("select id from auction where status in ('PENDING_HOLD', 'OPEN') and ends_at <= :now"
                + " order by ends_at").param("now", Timestamp.from(now)).query(UUID.class).list();
    }

    /** The auction, locked against a close ({@code exclusive}) or only against changes while bidding. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Auction> lock(UUID id, boolean exclusive) {
        return jdbc.sql("select " + COLUMNS + " from auction where id = :id for " + (exclusive ? "update" : "share"))
                .param("id", id).query(Auctions::map).optional();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void add(Auction auction) {
        jdbc.sql("""
                insert into auction (id, instrument_id, seller_id, quantity, floor_price, starts_at, ends_at, status,
                                     announced_at)
                values (:id, :instrumentId, :sellerId, :quantity, :floorPrice, :startsAt, :endsAt, :status, :announcedAt)
                """)
                .param("id", auction.id())
                .param("instrumentId", auction.instrumentId())
                .param("sellerId", auction.sellerId())
                .param("quantity", auction.quantity())
                .param("floorPrice", auction.floorPrice())
                .param("startsAt", Timestamp.from(auction.startsAt()))
                .param("endsAt", Timestamp.from(auction.endsAt()))
                .param("status", auction.status().name())
                .param("announcedAt", Timestamp.from(auction.announcedAt()))
                .update();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    boolean move(UUID id, AuctionStatus from, AuctionStatus to, String reason) {
        return jdbc.sql("update auction set status = :to, reason = :reason where id = :id and status = :from")
                .param("id", id).param("from", from.name()).param("to", to.name()).param("reason", reason)
                .update() == 1;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void close(UUID id, long allocatedQuantity, Instant at) {
        jdbc.sql("""
                update auction set status = 'CLOSED', allocated_quantity = :allocated, closed_at = :at
                where id = :id and status in ('PENDING_HOLD', 'OPEN')
                """).param("id", id).param("allocated", allocatedQuantity).param("at", Timestamp.from(at)).update();
    }

    private static Auction map(ResultSet rs, int row) throws SQLException {
        Timestamp closedAt = rs.getTimestamp("closed_at");
        return new Auction(rs.getObject("id", UUID.class), rs.getString("instrument_id"),
                rs.getObject("seller_id", UUID.class), rs.getLong("quantity"), rs.getBigDecimal("floor_price"),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                AuctionStatus.valueOf(rs.getString("status")), rs.getString("reason"), rs.getLong("allocated_quantity"),
                rs.getTimestamp("announced_at").toInstant(), closedAt == null ? null : closedAt.toInstant());
    }
}
