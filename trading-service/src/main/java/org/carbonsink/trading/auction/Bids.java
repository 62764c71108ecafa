package org.carbonsink.trading.auction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class Bids {

    private static final String COLUMNS = """
            id, auction_id, bidder_id, quantity, price, reserved_cash, status, allocated_quantity, trade_id, placed_at""";

    private final JdbcClient jdbc;

    Bids(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The bidder's bids in the auction, in the order they were placed. */
    public List<Bid> of(UUID auctionId, UUID bidderId) {
        return jdbc.sql("select " + COLUMNS + " from auction_bid where auction_id = :auctionId and bidder_id = :bidderId"
                + " order by seq").param("auctionId", auctionId).param("bidderId", bidderId).query(Bids::map).list();
    }

    /** The open bids of the auction, locked, in allocation priority: best price first, then earliest. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<Bid> lockOpenInPriority(UUID auctionId) {
        return jdbc.sql("select " + COLUMNS + " from auction_bid where auction_id = :auctionId and status = 'OPEN'"
                + " order by price desc, seq for update").param("auctionId", auctionId).query(Bids::map).list();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void add(Bid bid) {
        jdbc.sql("""
                insert into auction_bid (id, auction_id, bidder_id, quantity, price, reserved_cash, status, placed_at)
                values (:id, :auctionId, :bidderId, :quantity, :price, :reservedCash, 'OPEN', :placedAt)
                """)
                .param("id", bid.id())
                .param("auctionId", bid.auctionId())
                .param("bidderId", bid.bidderId())
                .param("quantity", bid.quantity())
                .param("price", bid.price())
                .param("reservedCash", bid.reservedCash())
                .param("placedAt", Timestamp.from(bid.placedAt()))
                .update();
    }

    /** Decides an open bid: {@code allocated} credits traded in {@code tradeId} (null if none); no cash stays reserved. */
    @Transactional(propagation = Propagation.MANDATORY)
    void decide(UUID id, BidStatus status, long allocated, UUID tradeId) {
        jdbc.sql("""
                update auction_bid set status = :status, allocated_quantity = :allocated, trade_id = :tradeId,
                                       reserved_cash = 0
                where id = :id and status = 'OPEN'
                """).param("id", id).param("status", status.name()).param("allocated", allocated)
                .param("tradeId", tradeId).update();
    }

    private static Bid map(ResultSet rs, int row) throws SQLException {
        return new Bid(rs.getObject("id", UUID.class), rs.getObject("auction_id", UUID.class),
                rs.getObject("bidder_id", UUID.class), rs.getLong("quantity"), rs.getBigDecimal("price"),
                rs.getBigDecimal("reserved_cash"), BidStatus.valueOf(rs.getString("status")),
                rs.getLong("allocated_quantity"), rs.getObject("trade_id", UUID.class),
                rs.getTimestamp("placed_at").toInstant());
    }
}
