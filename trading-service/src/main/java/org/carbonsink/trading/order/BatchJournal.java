package org.carbonsink.trading.order;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
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
    private final int copyFrom;

    /** Moves each instrument's command sequence on from the value this writer last committed, and its rules. */
    private static final String FENCE = """
            update instrument i
            set command_sequence = f.sequence, halted = f.halted, reference_price = f.reference_price,
                band_basis_points = f.band_basis_points, day_orders_expired_at = f.expired_at
            from unnest(?::text[], ?::bigint[], ?::bigint[], ?::boolean[], ?::numeric[], ?::int[], ?::timestamptz[])
                 as f(id, sequence, committed, halted, reference_price, band_basis_points, expired_at)
            where i.id = f.id and i.command_sequence = f.committed
            """;

    /**
     * {@code copyFrom}: from how many new rows (orders and command log) a batch sends them with COPY; below
     * it the two round trips more cost more than the text of the arrays.
     */
    BatchJournal(JdbcTemplate jdbc, Orders orders, Trades trades, CashReservations cash, CreditDeliveries deliveries,
            CreditHolds holds, TraceContexts traces, @Value("${carbonsink.trading.copy-from:64}") int copyFrom) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.trades = trades;
        this.cash = cash;
        this.deliveries = deliveries;
        this.holds = holds;
        this.traces = traces;
        this.copyFrom = copyFrom;
    }

    /**
     * Moves each instrument's sequence on from what this writer last committed (fencing: answers how many
     * moved; fewer means another writer wrote one meanwhile), appends the command log, and inserts the orders
     * that reached the book in this batch. New order rows and the command log rows are new, so nobody else
     * waits on them; the instrument rows come first in the lock order anyway.
     *
     * <p>A batch of fewer than {@code copyFrom} new rows does it in one statement (one round trip), its rows
     * as arrays through {@code unnest}; a larger one fences in one statement and sends the rows with binary
     * {@code COPY}, two round trips more but no text to build or parse per row.
     */
    private long appendAll(List<InstrumentBook> moved, Batch batch, List<OrderRow> inserted) {
        if (inserted.size() + batch.logRows.size() < copyFrom) {
            return appendInOneStatement(moved, batch, inserted);
        }
        long fenced = jdbc.update(FENCE, ps -> setFence(ps, new Arrays(ps.getConnection()), moved, 0));
        if (fenced != moved.size()) {
            return fenced;
        }
        CopyRows log = new CopyRows();
        for (Batch.LogRow row : batch.logRows) {
            log.row(9).text(row.instrumentId()).int8(row.sequence()).text(row.kind()).uuid(row.orderId())
                    .uuid(row.tradeId()).uuid(row.participantId()).text(row.detail()).text(row.outcome())
                    .timestamp(batch.now);
        }
        copy("""
                copy book_command (instrument_id, sequence, kind, order_id, trade_id, participant_id, detail, outcome,
                                   applied_at) from stdin (format binary)""", log);
        if (!inserted.isEmpty()) {
            CopyRows orders = new CopyRows();
            for (OrderRow r : inserted) {
                orders.row(17).uuid(r.id()).text(r.instrumentId()).uuid(r.participantId()).text(r.side().name())
                        .text(r.type().name()).text(r.timeInForce().name()).int8(r.quantity()).numeric(r.limitPrice())
                        .int8(r.filledQuantity()).numeric(r.reservedCash()).text(r.status().name())
                        .text(r.rejectionReason()).text(r.cancelReasonName()).int8(r.bookPriority())
                        .timestamp(r.at()).timestamp(r.at()).text(batch.requestHashes.get(r.id()));
            }
            copy("""
                    copy exchange_order (id, instrument_id, participant_id, side, order_type, time_in_force, quantity,
                                         limit_price, filled_quantity, reserved_cash, status, rejection_reason,
                                         cancel_reason, book_priority, placed_at, updated_at, request_hash)
                    from stdin (format binary)""", orders);
        }
        return fenced;
    }

    /** Sends rows with COPY on the transaction's connection; its errors translate as any statement's do. */
    private void copy(String sql, CopyRows rows) {
        byte[] bytes = rows.end();
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            try {
                in.writeToCopy(bytes, 0, bytes.length);
                return in.endCopy();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
        });
    }

    /** The fence's seven arrays from parameter {@code i + 1} on; answers the last parameter index set. */
    private static int setFence(PreparedStatement ps, Arrays arrays, List<InstrumentBook> moved, int i) throws SQLException {
        ps.setArray(++i, arrays.of("text", moved, b -> b.instrumentId));
        ps.setArray(++i, arrays.of("int8", moved, b -> b.sequence));
        ps.setArray(++i, arrays.of("int8", moved, b -> b.committedSequence));
        ps.setArray(++i, arrays.of("bool", moved, b -> b.halted));
        ps.setArray(++i, arrays.of("numeric", moved, b -> b.referenceFen == 0 ? null : Money.of(b.referenceFen)));
        ps.setArray(++i, arrays.of("int4", moved, b -> b.bandBasisPoints));
        ps.setArray(++i, arrays.of("timestamptz", moved,
                b -> b.dayOrdersExpiredAt == null ? null : Timestamp.from(b.dayOrdersExpiredAt)));
        return i;
    }

    /** The fence, the command log and the new orders in one statement (one round trip). */
    private long appendInOneStatement(List<InstrumentBook> moved, Batch batch, List<OrderRow> inserted) {
        Timestamp at = Timestamp.from(batch.now);
        List<Batch.LogRow> log = batch.logRows;
        return jdbc.query("with fence as (" + FENCE + " returning 1), " + """
                log as (
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
                    int i = setFence(ps, arrays, moved, 0);
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
