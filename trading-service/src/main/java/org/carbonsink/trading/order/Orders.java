package org.carbonsink.trading.order;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carbonsink.trading.matching.Side;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class Orders {

    private static final String COLUMNS = """
            id, instrument_id, participant_id, side, quantity, limit_price, filled_quantity, reserved_cash, status,
            rejection_reason, placed_at, updated_at""";

    private final JdbcClient jdbc;

    Orders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Order> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from exchange_order where id = :id").param("id", id)
                .query(Orders::map).optional();
    }

    /** The participant's orders, newest first, of one status or of all when {@code status} is null. */
    public List<Order> of(UUID participantId, OrderStatus status, int limit, long offset) {
        return jdbc.sql("select " + COLUMNS + " from exchange_order where participant_id = :participantId"
                + " and (cast(:status as text) is null or status = :status) order by seq desc limit :limit offset :offset")
                .param("participantId", participantId).param("status", status == null ? null : status.name())
                .param("limit", limit).param("offset", offset).query(Orders::map).list();
    }

    public long countOf(UUID participantId, OrderStatus status) {
        return jdbc.sql("select count(*) from exchange_order where participant_id = :participantId"
                + " and (cast(:status as text) is null or status = :status)")
                .param("participantId", participantId).param("status", status == null ? null : status.name())
                .query(Long.class).single();
    }

    /** The open quantity at each price of the instrument's book, best prices first on each side. */
    public List<PriceLevel> depth(String instrumentId) {
        return jdbc.sql("""
                select side, limit_price, sum(quantity - filled_quantity) as quantity, count(*) as orders
                from exchange_order where instrument_id = :instrumentId and status = 'OPEN'
                group by side, limit_price
                order by side, case when side = 'BUY' then -limit_price else limit_price end
                """).param("instrumentId", instrumentId)
                .query((rs, row) -> new PriceLevel(Side.valueOf(rs.getString("side")), rs.getBigDecimal("limit_price"),
                        rs.getLong("quantity"), rs.getInt("orders")))
                .list();
    }

    /** The open orders of an instrument in the order they entered its book. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<Order> openOn(String instrumentId) {
        return jdbc.sql("select " + COLUMNS + " from exchange_order where instrument_id = :instrumentId"
                + " and status = 'OPEN' order by book_sequence").param("instrumentId", instrumentId)
                .query(Orders::map).list();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Order> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from exchange_order where id = :id for update").param("id", id)
                .query(Orders::map).optional();
    }

    /** Saves a new order; an OPEN one takes its place in the book's time order. */
    @Transactional(propagation = Propagation.MANDATORY)
    void add(Order order) {
        jdbc.sql("""
                insert into exchange_order (id, instrument_id, participant_id, side, quantity, limit_price,
                                            filled_quantity, reserved_cash, status, book_sequence, placed_at, updated_at)
                values (:id, :instrumentId, :participantId, :side, :quantity, :limitPrice, 0, :reservedCash, :status,
                        case when :status = 'OPEN' then nextval('book_sequence') end, :placedAt, :placedAt)
                """)
                .param("id", order.id())
                .param("instrumentId", order.instrumentId())
                .param("participantId", order.participantId())
                .param("side", order.side().name())
                .param("quantity", order.quantity())
                .param("limitPrice", order.limitPrice())
                .param("reservedCash", order.reservedCash())
                .param("status", order.status().name())
                .param("placedAt", Timestamp.from(order.placedAt()))
                .update();
    }

    /** Puts a sell order whose credits are held into the book, behind everything already there. */
    @Transactional(propagation = Propagation.MANDATORY)
    void open(UUID id, Instant at) {
        jdbc.sql("""
                update exchange_order set status = 'OPEN', book_sequence = nextval('book_sequence'), updated_at = :at
                where id = :id and status = 'PENDING_HOLD'
                """).param("id", id).param("at", Timestamp.from(at)).update();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void reject(UUID id, String reason, Instant at) {
        jdbc.sql("""
                update exchange_order set status = 'REJECTED', rejection_reason = :reason, updated_at = :at
                where id = :id and status = 'PENDING_HOLD'
                """).param("id", id).param("reason", reason).param("at", Timestamp.from(at)).update();
    }

    /** Records a fill of {@code quantity}, which frees {@code releasedCash} of the order's reservation. */
    @Transactional(propagation = Propagation.MANDATORY)
    void fill(UUID id, long quantity, BigDecimal releasedCash, Instant at) {
        int updated = jdbc.sql("""
                update exchange_order
                set filled_quantity = filled_quantity + :quantity,
                    reserved_cash = reserved_cash - :released,
                    status = case when filled_quantity + :quantity = quantity then 'FILLED' else status end,
                    updated_at = :at
                where id = :id and status = 'OPEN'
                """).param("id", id).param("quantity", quantity).param("released", releasedCash)
                .param("at", Timestamp.from(at)).update();
        if (updated != 1) {
            throw new IllegalStateException("order " + id + " is not open and cannot be filled");
        }
    }

    /** Cancels an open order: it leaves the book and keeps no cash reserved. */
    @Transactional(propagation = Propagation.MANDATORY)
    void cancel(UUID id, Instant at) {
        int updated = jdbc.sql("""
                update exchange_order set status = 'CANCELLED', reserved_cash = 0, updated_at = :at
                where id = :id and status = 'OPEN'
                """).param("id", id).param("at", Timestamp.from(at)).update();
        if (updated != 1) {
            throw new IllegalStateException("order " + id + " is not open and cannot be cancelled");
        }
    }

    /**
     * Gives back {@code quantity} of a sell order's fill whose trade failed: the order is OPEN
     * again, at the back of its price level.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void returnFailedFill(UUID id, long quantity, Instant at) {
        int updated = jdbc.sql("""
                update exchange_order
                set filled_quantity = filled_quantity - :quantity, status = 'OPEN',
                    book_sequence = nextval('book_sequence'), updated_at = :at
                where id = :id and side = 'SELL' and status in ('OPEN', 'FILLED') and filled_quantity >= :quantity
                """).param("id", id).param("quantity", quantity).param("at", Timestamp.from(at)).update();
        if (updated != 1) {
            throw new IllegalStateException("sell order " + id + " cannot take back " + quantity + " credits");
        }
    }

    private static Order map(ResultSet rs, int row) throws SQLException {
        return new Order(rs.getObject("id", UUID.class), rs.getString("instrument_id"),
                rs.getObject("participant_id", UUID.class), Side.valueOf(rs.getString("side")), rs.getLong("quantity"),
                rs.getBigDecimal("limit_price"), rs.getLong("filled_quantity"), rs.getBigDecimal("reserved_cash"),
                OrderStatus.valueOf(rs.getString("status")), rs.getString("rejection_reason"),
                rs.getTimestamp("placed_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    /** All open orders of one side at one price. */
    public record PriceLevel(Side side, BigDecimal price, long quantity, int orders) {
    }
}
