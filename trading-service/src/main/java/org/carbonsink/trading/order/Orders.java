package org.carbonsink.trading.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.carbonsink.support.jdbc.Pipeline;
import org.carbonsink.trading.matching.CancelReason;
import org.carbonsink.trading.matching.OrderType;
import org.carbonsink.trading.matching.Side;
import org.carbonsink.trading.matching.TimeInForce;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class Orders {

    private static final String COLUMNS = """
            id, instrument_id, participant_id, side, order_type, time_in_force, quantity, limit_price, filled_quantity,
            reserved_cash, status, rejection_reason, cancel_reason, placed_at, updated_at""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    Orders(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public Optional<Order> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from exchange_order where id = :id").param("id", id)
                .query(Orders::map).optional();
    }

    /**
     * The orders of these ids, each with the hash of the request that placed it (null without an
     * Idempotency-Key): one round trip for a whole batch of keyed orders.
     */
    Map<UUID, Requested> requested(Collection<UUID> ids) {
        Map<UUID, Requested> found = new HashMap<>();
        Pipeline reads = new Pipeline();
        requested(reads, ids, found);
        reads.run(template);
        return found;
    }

    /** As {@link #requested(Collection)}, its select added to {@code reads}: {@code found} is filled once they have run. */
    void requested(Pipeline reads, Collection<UUID> ids, Map<UUID, Requested> found) {
        if (ids.isEmpty()) {
            return;
        }
        reads.queryChecked("select " + COLUMNS + ", request_hash from exchange_order where id = any(?)",
                (rs, row) -> new Requested(map(rs, row), rs.getString("request_hash")),
                rows -> rows.forEach(requested -> found.put(requested.order().id(), requested)),
                Pipeline.array("uuid", ids.toArray()));
    }

    /** A committed order and the hash of the keyed request that placed it (null: placed without a key). */
    record Requested(Order order, String requestHash) {
    }

    /**
     * The average price of each of these orders that has a fill: the value of its trades that did not
     * fail over their quantity (Σ amount / Σ quantity), rounded half-up to 4 decimals; one round trip.
     * An order with no such trade has no entry.
     */
    public Map<UUID, BigDecimal> averagePrices(Collection<Order> orders) {
        List<UUID> filled = orders.stream().filter(o -> o.filledQuantity() > 0).map(Order::id).toList();
        if (filled.isEmpty()) {
            return Map.of();
        }
        Map<UUID, BigDecimal> found = new HashMap<>();
        template.query("""
                select order_id, sum(amount) as amount, sum(quantity) as quantity from (
                    select buy_order_id as order_id, amount, quantity from trade
                    where buy_order_id = any(?) and status <> 'FAILED'
                    union all
                    select sell_order_id, amount, quantity from trade
                    where sell_order_id = any(?) and status <> 'FAILED') fills
                group by order_id
                """, ps -> {
                    java.sql.Array ids = ps.getConnection().createArrayOf("uuid", filled.toArray());
                    ps.setArray(1, ids);
                    ps.setArray(2, ids);
                }, rs -> {
                    found.put(rs.getObject("order_id", UUID.class), rs.getBigDecimal("amount")
                            .divide(BigDecimal.valueOf(rs.getLong("quantity")), AVERAGE_PRICE_SCALE, RoundingMode.HALF_UP));
                });
        return found;
    }

    /** Decimals of an average price: a fen split over the quantities of several trades needs more than 2. */
    public static final int AVERAGE_PRICE_SCALE = 4;

    /** The participant's orders, newest first, of one status or of all when {@code status} is null. */
    /**
     * The participant's orders, newest first; each filter that is not null narrows the list (AND): the
     * status, the instrument and the side.
     */
    public List<Order> of(UUID participantId, OrderStatus status, String instrumentId, Side side, int limit,
            long offset) {
        return jdbc.sql("select " + COLUMNS + " from exchange_order where " + FILTER
                + " order by seq desc limit :limit offset :offset")
                .params(filter(participantId, status, instrumentId, side))
                .param("limit", limit).param("offset", offset).query(Orders::map).list();
    }

    public long countOf(UUID participantId, OrderStatus status, String instrumentId, Side side) {
        return jdbc.sql("select count(*) from exchange_order where " + FILTER)
                .params(filter(participantId, status, instrumentId, side)).query(Long.class).single();
    }

    private static final String FILTER = "participant_id = :participantId"
            + " and (cast(:status as text) is null or status = :status)"
            + " and (cast(:instrumentId as text) is null or instrument_id = :instrumentId)"
            + " and (cast(:side as text) is null or side = :side)";

    private static Map<String, Object> filter(UUID participantId, OrderStatus status, String instrumentId, Side side) {
        Map<String, Object> params = new HashMap<>();
        params.put("participantId", participantId);
        params.put("status", status == null ? null : status.name());
        params.put("instrumentId", instrumentId);
        params.put("side", side == null ? null : side.name());
        return params;
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

    /** The open orders of an instrument in book priority, with their priority: the book as it was committed. */
    List<Resting> openOn(String instrumentId) {
        return jdbc.sql("select " + COLUMNS + ", book_priority from exchange_order where instrument_id = :instrumentId"
                + " and status = 'OPEN' order by book_priority").param("instrumentId", instrumentId)
                .query((rs, row) -> new Resting(map(rs, row), rs.getLong("book_priority"))).list();
    }

    /** A committed order with its book priority, or 0 if it never entered the book. */
    Optional<Resting> findResting(UUID id) {
        return jdbc.sql("select " + COLUMNS + ", book_priority from exchange_order where id = :id").param("id", id)
                .query((rs, row) -> new Resting(map(rs, row), rs.getLong("book_priority"))).optional();
    }

    record Resting(Order order, long bookPriority) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Order> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from exchange_order where id = :id for update").param("id", id)
                .query(Orders::map).optional();
    }

    /**
     * Saves a sell order that waits for the registry to hold its credits; it is not in the book yet. False
     * if its id is taken (a concurrent request with the same Idempotency-Key saved it first).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean addPending(Order order, String requestHash) {
        return jdbc.sql("""
                insert into exchange_order (id, instrument_id, participant_id, side, order_type, time_in_force, quantity,
                                            limit_price, filled_quantity, reserved_cash, status, placed_at, updated_at,
                                            request_hash)
                values (:id, :instrumentId, :participantId, :side, :type, :tif, :quantity, :limitPrice, 0, 0,
                        'PENDING_HOLD', :placedAt, :placedAt, :requestHash)
                on conflict (id) do nothing
                """)
                .param("requestHash", requestHash)
                .param("id", order.id())
                .param("instrumentId", order.instrumentId())
                .param("participantId", order.participantId())
                .param("side", order.side().name())
                .param("type", order.type().name())
                .param("tif", order.timeInForce().name())
                .param("quantity", order.quantity())
                .param("limitPrice", order.limitPrice())
                .param("placedAt", Timestamp.from(order.placedAt()))
                .update() == 1;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void reject(UUID id, String reason, Instant at) {
        jdbc.sql("""
                update exchange_order set status = 'REJECTED', rejection_reason = :reason, updated_at = :at
                where id = :id and status = 'PENDING_HOLD'
                """).param("id", id).param("reason", reason).param("at", Timestamp.from(at)).update();
    }

    /**
     * Adds to {@code writes} the state at the end of the batch of orders that were already saved, one update
     * each in the list's order; an order that is missing refuses the run.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void updateAll(Pipeline writes, List<OrderRow> rows) {
        for (OrderRow r : rows) {
            writes.updateChecked("""
                    update exchange_order
                    set quantity = ?, limit_price = ?, filled_quantity = ?, reserved_cash = ?, status = ?,
                        rejection_reason = ?, cancel_reason = ?, book_priority = ?, updated_at = ?
                    where id = ?
                    """, count -> {
                        if (count == 0) {
                            throw new IllegalStateException("an order of the batch is missing");
                        }
                    }, r.quantity(), r.limitPrice(), r.filledQuantity(), r.reservedCash(), r.status().name(),
                    r.rejectionReason(), r.cancelReasonName(), r.bookPriority(), Timestamp.from(r.at()), r.id());
        }
    }

    /** An order's state to write; {@code bookPriority} null when it is not in the book. */
    record OrderRow(UUID id, String instrumentId, UUID participantId, Side side, OrderType type,
            TimeInForce timeInForce, long quantity, BigDecimal limitPrice, long filledQuantity, BigDecimal reservedCash,
            OrderStatus status, String rejectionReason, CancelReason cancelReason, Long bookPriority, Instant at) {

        String cancelReasonName() {
            return cancelReason == null ? null : cancelReason.name();
        }
    }

    private static Order map(ResultSet rs, int row) throws SQLException {
        String cancelReason = rs.getString("cancel_reason");
        return new Order(rs.getObject("id", UUID.class), rs.getString("instrument_id"),
                rs.getObject("participant_id", UUID.class), Side.valueOf(rs.getString("side")),
                OrderType.valueOf(rs.getString("order_type")), TimeInForce.valueOf(rs.getString("time_in_force")),
                rs.getLong("quantity"), rs.getBigDecimal("limit_price"), rs.getLong("filled_quantity"),
                rs.getBigDecimal("reserved_cash"), OrderStatus.valueOf(rs.getString("status")),
                rs.getString("rejection_reason"), cancelReason == null ? null : CancelReason.valueOf(cancelReason),
                rs.getTimestamp("placed_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    /** All open orders of one side at one price. */
    public record PriceLevel(Side side, BigDecimal price, long quantity, int orders) {
    }
}
