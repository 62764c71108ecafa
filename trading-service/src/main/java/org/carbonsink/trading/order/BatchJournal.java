package org.carbonsink.trading.order;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.carbonsink.support.jdbc.Pipeline;
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
    /**
     * The COPY rows of the command log and of the new orders, one buffer each per writer thread, kept from batch to
     * batch (the writers are long-lived threads; a buffer grows to the largest batch's rows, at most a few hundred
     * kilobytes).
     */
    private final ThreadLocal<CopyRows> logRows = ThreadLocal.withInitial(CopyRows::new);
    private final ThreadLocal<CopyRows> orderRows = ThreadLocal.withInitial(CopyRows::new);

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
     * Moves each instrument's sequence on from what this writer last committed (fencing: fewer moved means
     * another writer wrote one meanwhile, and the batch is refused as a {@link Conflict}), appends the command
     * log, and inserts the orders that reached the book in this batch. New order rows and the command log rows
     * are new, so nobody else waits on them; the instrument rows come first in the lock order anyway.
     *
     * <p>A batch of fewer than {@code copyFrom} new rows does it in one statement added to {@code writes} (the
     * batch's one round trip), its rows as arrays through {@code unnest}; a larger one fences and sends the rows
     * with binary {@code COPY} at once, three round trips more but no text to build or parse per row.
     */
    private void appendAll(Pipeline writes, List<InstrumentBook> moved, Batch batch, List<LiveOrder> inserted) {
        Collection<List<Batch.LogRow>> commands = byInstrument(batch.logRows);
        if (inserted.size() + batch.logRows.size() < copyFrom) {
            List<OrderRow> rows = new ArrayList<>(inserted.size());
            for (LiveOrder order : inserted) {
                rows.add(order.row(batch.now));
            }
            appendInOneStatement(writes, moved, batch, rows);
            return;
        }
        fenced(moved, new Pipeline().update(FENCE, fence(moved).toArray()).run(jdbc).updated(0));
        CopyRows log = logRows.get().reset();
        for (List<Batch.LogRow> instrument : commands) {
            Batch.LogRow first = instrument.get(0);
            log.row(10).text(first.instrumentId()).int8(first.sequence()).int8(first.sequence() + instrument.size() - 1)
                    .timestamp(batch.now);
            array(log, CopyRows.TEXT, instrument, (field, command) -> field.text(command.kind()));
            array(log, CopyRows.UUID_OID, instrument, (field, command) -> field.uuid(command.orderId()));
            array(log, CopyRows.UUID_OID, instrument, (field, command) -> field.uuid(command.tradeId()));
            array(log, CopyRows.UUID_OID, instrument, (field, command) -> field.uuid(command.participantId()));
            array(log, CopyRows.TEXT, instrument, (field, command) -> field.text(command.detail()));
            array(log, CopyRows.TEXT, instrument, (field, command) -> field.text(command.outcome()));
        }
        copy("""
                copy book_command_batch (instrument_id, first_sequence, last_sequence, applied_at, kinds, order_ids,
                                         trade_ids, participant_ids, details, outcomes) from stdin (format binary)""", log);
        if (!inserted.isEmpty()) {
            CopyRows orders = orderRows.get().reset();
            for (LiveOrder order : inserted) {
                order.copyRow(orders, batch.now, batch.requestHashes.get(order.id));
            }
            copy("""
                    copy exchange_order (id, instrument_id, participant_id, side, order_type, time_in_force, quantity,
                                         limit_price, filled_quantity, reserved_cash, status, rejection_reason,
                                         cancel_reason, book_priority, placed_at, updated_at, request_hash)
                    from stdin (format binary)""", orders);
        }
    }

    /** One array field of the command log's row: {@code element} of each command. */
    private static void array(CopyRows row, int elementOid, List<Batch.LogRow> commands,
            BiConsumer<CopyRows, Batch.LogRow> element) {
        row.array(elementOid, commands.size());
        for (Batch.LogRow command : commands) {
            element.accept(row, command);
        }
        row.endArray();
    }

    /**
     * The batch's command log rows by instrument, each instrument's in sequence order: its one row of the command
     * log ({@code book_command_batch}). An instrument's commands in a batch are numbered without a gap from the
     * sequence its writer last committed; anything else is a bug in the writer, refused here before it is written.
     */
    static Collection<List<Batch.LogRow>> byInstrument(List<Batch.LogRow> rows) {
        Map<String, List<Batch.LogRow>> byInstrument = new LinkedHashMap<>(2);
        for (Batch.LogRow row : rows) {
            List<Batch.LogRow> commands = byInstrument.computeIfAbsent(row.instrumentId(), id -> new ArrayList<>(rows.size()));
            if (!commands.isEmpty() && row.sequence() != commands.get(commands.size() - 1).sequence() + 1) {
                throw new IllegalStateException("command " + row.sequence() + " of " + row.instrumentId() + " follows "
                        + commands.get(commands.size() - 1).sequence());
            }
            commands.add(row);
        }
        return byInstrument.values();
    }

    /** Refuses the batch if the fence moved fewer instruments than it should have. */
    private static void fenced(List<InstrumentBook> moved, long fenced) {
        if (fenced != moved.size()) {
            throw new Conflict("an instrument of the batch was written by another writer");
        }
    }

    /** Sends rows with COPY on the transaction's connection; its errors translate as any statement's do. */
    private void copy(String sql, CopyRows rows) {
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            try {
                rows.sendTo(in);
                return in.endCopy();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
        });
    }

    /** The fence's seven arrays. */
    private static List<Object> fence(List<InstrumentBook> moved) {
        List<Object> params = new ArrayList<>();
        params.add(Pipeline.column("text", moved, b -> b.instrumentId));
        params.add(Pipeline.column("int8", moved, b -> b.sequence));
        params.add(Pipeline.column("int8", moved, b -> b.committedSequence));
        params.add(Pipeline.column("bool", moved, b -> b.halted));
        params.add(Pipeline.column("numeric", moved, b -> b.referenceFen == 0 ? null : Money.of(b.referenceFen)));
        params.add(Pipeline.column("int4", moved, b -> b.bandBasisPoints));
        params.add(Pipeline.column("timestamptz", moved,
                b -> b.dayOrdersExpiredAt == null ? null : Timestamp.from(b.dayOrdersExpiredAt)));
        return params;
    }

    /** The fence, the command log and the new orders in one statement, added to {@code writes}. */
    private void appendInOneStatement(Pipeline writes, List<InstrumentBook> moved, Batch batch, List<OrderRow> inserted) {
        List<Batch.LogRow> log = batch.logRows;
        List<Object> params = fence(moved);
        params.add(Timestamp.from(batch.now));
        params.add(Pipeline.column("text", log, Batch.LogRow::instrumentId));
        params.add(Pipeline.column("int8", log, Batch.LogRow::sequence));
        params.add(Pipeline.column("text", log, Batch.LogRow::kind));
        params.add(Pipeline.column("uuid", log, Batch.LogRow::orderId));
        params.add(Pipeline.column("uuid", log, Batch.LogRow::tradeId));
        params.add(Pipeline.column("uuid", log, Batch.LogRow::participantId));
        params.add(Pipeline.column("text", log, Batch.LogRow::detail));
        params.add(Pipeline.column("text", log, Batch.LogRow::outcome));
        params.add(Pipeline.column("uuid", inserted, OrderRow::id));
        params.add(Pipeline.column("text", inserted, OrderRow::instrumentId));
        params.add(Pipeline.column("uuid", inserted, OrderRow::participantId));
        params.add(Pipeline.column("text", inserted, r -> r.side().name()));
        params.add(Pipeline.column("text", inserted, r -> r.type().name()));
        params.add(Pipeline.column("text", inserted, r -> r.timeInForce().name()));
        params.add(Pipeline.column("int8", inserted, OrderRow::quantity));
        params.add(Pipeline.column("numeric", inserted, OrderRow::limitPrice));
        params.add(Pipeline.column("int8", inserted, OrderRow::filledQuantity));
        params.add(Pipeline.column("numeric", inserted, OrderRow::reservedCash));
        params.add(Pipeline.column("text", inserted, r -> r.status().name()));
        params.add(Pipeline.column("text", inserted, OrderRow::rejectionReason));
        params.add(Pipeline.column("text", inserted, OrderRow::cancelReasonName));
        params.add(Pipeline.column("int8", inserted, OrderRow::bookPriority));
        params.add(Pipeline.column("timestamptz", inserted, r -> Timestamp.from(r.at())));
        // the Idempotency-Key's request hash, in the same transaction as the order it placed
        params.add(Pipeline.column("text", inserted, r -> batch.requestHashes.get(r.id())));
        writes.queryChecked("with fence as (" + FENCE + " returning 1), " + """
                log as (
                    insert into book_command_batch (instrument_id, first_sequence, last_sequence, applied_at, kinds,
                                                    order_ids, trade_ids, participant_ids, details, outcomes)
                    select l.instrument_id, min(l.sequence), max(l.sequence), ?::timestamptz,
                           array_agg(l.kind order by l.sequence), array_agg(l.order_id order by l.sequence),
                           array_agg(l.trade_id order by l.sequence), array_agg(l.participant_id order by l.sequence),
                           array_agg(l.detail order by l.sequence), array_agg(l.outcome order by l.sequence)
                    from unnest(?::text[], ?::bigint[], ?::text[], ?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[])
                         as l(instrument_id, sequence, kind, order_id, trade_id, participant_id, detail, outcome)
                    group by l.instrument_id
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
                """, (rs, row) -> rs.getLong(1), counts -> fenced(moved, counts.get(0)), params.toArray());
    }

    /** One column of rows as an SQL array parameter, for {@code unnest}. */
    /** The batch met a change it did not expect; the writer reloads its books and tries again. */
    static final class Conflict extends RuntimeException {
        Conflict(String message) {
            super(message);
        }
    }

    /**
     * A batch at {@code now}, with what it reads before its commands apply, in one round trip: the buyers'
     * available cash and the orders that earlier requests with the batch's Idempotency-Keys placed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Batch open(Sequencer writer, Instant now, Collection<UUID> buyers, Collection<UUID> keyedOrderIds) {
        Map<UUID, Long> available = new HashMap<>();
        Map<UUID, Orders.Requested> requested = new HashMap<>();
        Pipeline reads = new Pipeline();
        if (!buyers.isEmpty() || !keyedOrderIds.isEmpty()) {
            // Both reads look rows up by primary key in an array the size of the batch. PostgreSQL's plan cache
            // keeps planning them anew for each batch (a generic plan, costed for an array of unknown length,
            // looks dearer than each custom one), which cost a batch of single orders more than running them
            // (docs/benchmarks.md, session 8). The setting is put back before the batch's writes.
            reads.update("set local plan_cache_mode = force_generic_plan");
            cash.availableFen(reads, buyers, available);
            orders.requested(reads, keyedOrderIds, requested);
            reads.update("set local plan_cache_mode to default");
        }
        reads.run(jdbc);
        Batch batch = new Batch(writer, now, available);
        batch.earlierRequests(requested);
        return batch;
    }

    /**
     * The batch's statements go in one round trip (with {@code COPY} for a large one, before it), in the lock
     * order above; each statement's count is checked once all have answered, in the same order, and the first
     * refused throws, so the transaction rolls back with nothing of the batch kept.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void write(Batch batch) {
        List<InstrumentBook> moved = new ArrayList<>();
        for (InstrumentBook book : batch.touched) {
            if (book.sequence != book.committedSequence) {
                moved.add(book);
            }
        }
        moved.sort(Comparator.comparing(book -> book.instrumentId));
        List<LiveOrder> inserted = new ArrayList<>();
        List<OrderRow> updated = new ArrayList<>();
        for (LiveOrder order : batch.changed.values()) {
            if (order.saved) {
                updated.add(order.row(batch.now));
            } else {
                inserted.add(order);
            }
        }
        Pipeline writes = new Pipeline();
        if (!moved.isEmpty()) {
            appendAll(writes, moved, batch, inserted);
        }
        orders.updateAll(writes, updated);

        for (var failed : batch.failedTrades.entrySet()) {
            UUID trade = failed.getKey();
            trades.fail(writes, trade, failed.getValue(), batch.now, count -> {
                if (count != 1) {
                    throw new Conflict("trade " + trade + " closed meanwhile");
                }
            });
        }
        trades.addAll(writes, batch.trades);
        // each event in the trace of the command that caused it, all in this one transaction
        for (int i = 0; i < batch.trades.size(); i++) {
            Trade trade = batch.trades.get(i);
            traces.runIn(batch.tradeCauses.get(i), () -> deliveries.request(writes, trade));
        }
        for (Batch.HoldRelease release : batch.holdReleases) {
            traces.runIn(release.cause(), () -> holds.release(writes, release.sellOrder(), release.quantity()));
        }

        List<UUID> short_ = new ArrayList<>();
        cash.apply(writes, batch.cashDelta, short_);
        writes.run(jdbc);
        if (!short_.isEmpty()) {
            throw new Conflict("cash of " + short_ + " was spent elsewhere meanwhile");
        }
    }
}
