package org.carbonsink.trading.order;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
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

    BatchJournal(JdbcTemplate jdbc, Orders orders, Trades trades, CashReservations cash, CreditDeliveries deliveries,
            CreditHolds holds) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.trades = trades;
        this.cash = cash;
        this.deliveries = deliveries;
        this.holds = holds;
    }

    /** The batch met a change it did not expect; the writer reloads its books and tries again. */
    static final class Conflict extends RuntimeException {
        Conflict(String message) {
            super(message);
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void write(Batch batch) {
        Timestamp at = Timestamp.from(batch.now);
        // instruments: the sequence moves on from what this writer last committed, or another writer has
        // written the instrument meanwhile (fencing)
        List<InstrumentBook> books = new ArrayList<>(batch.touched);
        books.sort(Comparator.comparing(book -> book.instrumentId));
        for (InstrumentBook book : books) {
            if (book.sequence == book.committedSequence) {
                continue;
            }
            int updated = jdbc.update("""
                    update instrument set command_sequence = ?, halted = ?, reference_price = ?, band_basis_points = ?,
                                          day_orders_expired_at = ?
                    where id = ? and command_sequence = ?
                    """, book.sequence, book.halted, book.referenceFen == 0 ? null : Money.of(book.referenceFen),
                    book.bandBasisPoints, book.dayOrdersExpiredAt == null ? null : Timestamp.from(book.dayOrdersExpiredAt),
                    book.instrumentId, book.committedSequence);
            if (updated != 1) {
                throw new Conflict("instrument " + book.instrumentId + " was written by another writer");
            }
        }
        jdbc.batchUpdate("""
                insert into book_command (instrument_id, sequence, kind, order_id, trade_id, participant_id, detail,
                                          outcome, applied_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, batch.logRows.stream().map(r -> new Object[] { r.instrumentId(), r.sequence(), r.kind(),
                r.orderId(), r.tradeId(), r.participantId(), r.detail(), r.outcome(), at }).toList());

        List<OrderRow> inserted = new ArrayList<>();
        List<OrderRow> updated = new ArrayList<>();
        for (LiveOrder order : batch.changed.values()) {
            (order.saved ? updated : inserted).add(order.row(batch.now));
        }
        orders.insertAll(inserted);
        orders.updateAll(updated);

        for (var failed : batch.failedTrades.entrySet()) {
            if (!trades.fail(failed.getKey(), failed.getValue(), batch.now)) {
                throw new Conflict("trade " + failed.getKey() + " closed meanwhile");
            }
        }
        trades.addAll(batch.trades);
        for (Trade trade : batch.trades) {
            deliveries.request(trade);
        }
        for (Batch.HoldRelease release : batch.holdReleases) {
            holds.release(release.sellOrder(), release.quantity());
        }

        List<UUID> short_ = cash.apply(batch.cashDelta);
        if (!short_.isEmpty()) {
            throw new Conflict("cash of " + short_ + " was spent elsewhere meanwhile");
        }
    }
}
