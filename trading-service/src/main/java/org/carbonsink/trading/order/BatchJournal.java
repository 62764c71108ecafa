package org.carbonsink.trading.order;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.carbonsink.support.tracing.TraceContexts;
import org.carbonsink.trading.order.Orders.OrderRow;
import org.carbonsink.trading.trade.CreditDeliveries;
import org.carbonsink.trading.trade.Trade;
import org.carbonsink.trading.trade.Trades;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes one batch in the writer's transaction, taking row locks in the one order every transaction of
 * the service follows (docs/exchange-engine.md): instruments, then orders, then trades, then cash
 * accounts in participant id order. Settlement takes a trade and then cash; the operator's cash
 * changes take cash only; so no two of them can wait on each other in a circle.
 */
@Component
class BatchJournal {

    private final JdbcTemplate jdbc;
    private final Orders orders;
    private final Trades trades;
    private final CashReservations cash;
    private final CreditDeliveries deliveries;
    private final CreditHolds holds;
    private final TraceContexts traces;

    BatchJournal(JdbcTemplate jdbc, Orders orders, Trades trades, CashReservations cash, CreditDeliveries deliveries,
            CreditHolds holds, TraceContexts traces) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.trades = trades;
        this.cash = cash;
        this.deliveries = deliveries;
        this.holds = holds;
        this.traces = traces;
    }

    /**
     * In one statement (one round trip): moves each instrument's sequence on from what this writer last
     * committed (fencing: answers how many moved; fewer means another writer wrote one meanwhile), appends
     * the command log, and inserts the orders that reached the book in this batch. New order rows and the
     * command log rows are new, so nobody else waits on them; the instrument rows come first in the lock
     * order anyway.
     */
    private long appendAll(List<InstrumentBook> moved, Batch batch, List<OrderRow> inserted) {
        Timestamp at = Timestamp.from(batch.now);
        List<Batch.LogRow> log = batch.logRows;
        return jdbc.query("""
                with fence as (
                    update instrument i
                    set command_sequence = f.sequence, halted = f.halted, reference_price = f.reference_price,
                        band_basis_points = f.band_basis_points, day_orders_expired_at = f.expired_at
                    from unnest(?::text[], ?::bigint[], ?::bigint[], ?::boolean[], ?::numeric[], ?::int[], ?::timestamptz[])
                         as f(id, sequence, committed, halted, reference_price, band_basis_points, expired_at)
                    where i.id = f.id and i.command_sequence = f.committed
                    returning 1
                ), log as (
                    insert into book_command (instrument_id, sequence, kind, order_id, trade_id, participant_id, detail,
                                              outcome, applied_at)
                    select l.*, ?::timestamptz
                    from unnest(?::text[], ?::bigint[], ?::text[], ?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[]) as l
                ), new_orders as (
                    insert into exchange_order (id, instrument_id, participant_id, side, order_type, time_in_force,
                                                quantity, limit_price, filled_quantity, reserved_cash, status,
                                                rejection_reason, cancel_reason, book_priority, placed_at,
                                                updated_at, request_hash)
                    select o.id, o.instrument_id, o.participant_id, o.side, o.order_type, o.time_in_force, o.quantity,
                           o.limit_price, o.filled_quantity, o.reserved_cash, o.status, o.rejection_reason,
                           o.cancel_reason, o.book_priority, o.at, o.at, o.request_hash
                    from unnest(?::uuid[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::bigint[],
                                ?::numeric[], ?::bigint[], ?::numeric[], ?::text[], ?::text[], ?::text[], ?::bigint[],
                                ?::timestamptz[], ?::text[])
                         as o(id, instrument_id, participant_id, side, order_type, time_in_force, quantity, limit_price,
                              filled_quantity, reserved_cash, status, rejection_reason, cancel_reason, book_priority, at,
                              request_hash)
                )
                select count(*) from fence
                """, ps -> {
                    Arrays arrays = new Arrays(ps.getConnection());
                    int i = 0;
                    ps.setArray(++i, arrays.of("text", moved, b -> b.instrumentId));
                    ps.setArray(++i, arrays.of("int8", moved, b -> b.sequence));
                    ps.setArray(++i, arrays.of("int8", moved, b -> b.committedSequence));
                    ps.setArray(++i, arrays.of("bool", moved, b -> b.halted));
                    ps.setArray(++i, arrays.of("numeric", moved, b -> b.referenceFen == 0 ? null : Money.of(b.referenceFen)));
                    ps.setArray(++i, arrays.of("int4", moved, b -> b.bandBasisPoints));
                    ps.setArray(++i, arrays.of("timestamptz", moved,
                            b -> b.dayOrdersExpiredAt == null ? null : Timestamp.from(b.dayOrdersExpiredAt)));
                    ps.setTimestamp(++i, at);
                    ps.setArray(++i, arrays.of("text", log, Batch.LogRow::instrumentId));
                    ps.setArray(++i, arrays.of("int8", log, Batch.LogRow::sequence));
                    ps.setArray(++i, arrays.of("text", log, Batch.LogRow::kind));
                    ps.setArray(++i, arrays.of("uuid", log, Batch.LogRow::orderId));
                    ps.setArray(++i, arrays.of("uuid", log, Batch.LogRow::tradeId));
                    ps.setArray(++i, arrays.of("uuid", log, Batch.LogRow::participantId));
                    ps.setArray(++i, arrays.of("text", log, Batch.LogRow::detail));
                    ps.setArray(++i, arrays.of("text", log, Batch.LogRow::outcome));
                    ps.setArray(++i, arrays.of("uuid", inserted, OrderRow::id));
                    ps.setArray(++i, arrays.of("text", inserted, OrderRow::instrumentId));
                    ps.setArray(++i, arrays.of("uuid", inserted, OrderRow::participantId));
                    ps.setArray(++i, arrays.of("text", inserted, r -> r.side().name()));
                    ps.setArray(++i, arrays.of("text", inserted, r -> r.type().name()));
                    ps.setArray(++i, arrays.of("text", inserted, r -> r.timeInForce().name()));
                    ps.setArray(++i, arrays.of("int8", inserted, OrderRow::quantity));
                    ps.setArray(++i, arrays.of("numeric", inserted, OrderRow::limitPrice));
                    ps.setArray(++i, arrays.of("int8", inserted, OrderRow::filledQuantity));
                    ps.setArray(++i, arrays.of("numeric", inserted, OrderRow::reservedCash));
                    ps.setArray(++i, arrays.of("text", inserted, r -> r.status().name()));
                    ps.setArray(++i, arrays.of("text", inserted, OrderRow::rejectionReason));
                    ps.setArray(++i, arrays.of("text", inserted, OrderRow::cancelReasonName));
                    ps.setArray(++i, arrays.of("int8", inserted, OrderRow::bookPriority));
                    ps.setArray(++i, arrays.of("timestamptz", inserted, r -> Timestamp.from(r.at())));
                    // the Idempotency-Key's request hash, in the same transaction as the order it placed
                    ps.setArray(++i, arrays.of("text", inserted, r -> batch.requestHashes.get(r.id())));
                }, rs -> {
                    rs.next();
                    return rs.getLong(1);
                });
    }

    /** SQL arrays of one column of rows, for {@code unnest}. */
    private record Arrays(Connection connection) {

        <T> Array of(String type, List<T> rows, Function<T, Object> column) throws SQLException {
            return connection.createArrayOf(type, rows.stream().map(column).toArray());
        }
    }

    /** The batch met a change it did not expect; the writer reloads its books and tries again. */
    static final class Conflict extends RuntimeException {
        Conflict(String message) {
            super(message);
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void write(Batch batch) {
        List<InstrumentBook> moved = new ArrayList<>();
        for (InstrumentBook book : batch.touched) {
            if (book.sequence != book.committedSequence) {
                moved.add(book);
            }
        }
        moved.sort(Comparator.comparing(book -> book.instrumentId));
        List<OrderRow> inserted = new ArrayList<>();
        List<OrderRow> updated = new ArrayList<>();
        for (LiveOrder order : batch.changed.values()) {
            (order.saved ? updated : inserted).add(order.row(batch.now));
        }
        if (!moved.isEmpty()) {
            long fenced = appendAll(moved, batch, inserted);
            if (fenced != moved.size()) {
                throw new Conflict("an instrument of the batch was written by another writer");
            }
        }
        orders.updateAll(updated);

        for (var failed : batch.failedTrades.entrySet()) {
            if (!trades.fail(failed.getKey(), failed.getValue(), batch.now)) {
                throw new Conflict("trade " + failed.getKey() + " closed meanwhile");
            }
        }
        trades.addAll(batch.trades);
        // each event in the trace of the command that caused it, all in this one transaction
        for (int i = 0; i < batch.trades.size(); i++) {
            Trade trade = batch.trades.get(i);
            traces.runIn(batch.tradeCauses.get(i), () -> deliveries.request(trade));
        }
        for (Batch.HoldRelease release : batch.holdReleases) {
            traces.runIn(release.cause(), () -> holds.release(release.sellOrder(), release.quantity()));
        }

        List<UUID> short_ = cash.apply(batch.cashDelta);
        if (!short_.isEmpty()) {
            throw new Conflict("cash of " + short_ + " was spent elsewhere meanwhile");
        }
    }
}
