package org.carbonsink.trading.order;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.carbonsink.trading.matching.BookEvents;
import org.carbonsink.trading.matching.CancelReason;
import org.carbonsink.trading.matching.RejectReason;
import org.carbonsink.trading.matching.Side;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rebuilds a book from the database: the instrument's rules and sequence number, and its open orders
 * rested in book priority. Every batch commits its results with its commands, so the open orders are
 * the book as it last committed; resting them again (rather than replaying the command log) costs
 * one read per open order, not per command ever applied, and needs no history of reference prices.
 * A committed book never crosses, so resting its orders must trade nothing.
 */
@Component
class BookLoader {

    private final JdbcClient jdbc;
    private final Orders orders;
    private final TradingRules rules;
    private final Clock clock;

    BookLoader(JdbcClient jdbc, Orders orders, TradingRules rules, Clock clock) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.rules = rules;
        this.clock = clock;
    }

    List<String> instrumentIds() {
        return jdbc.sql("select id from instrument order by id").query(String.class).list();
    }

    Optional<InstrumentBook> load(String instrumentId, Sequencer writer) {
        Optional<InstrumentBook> found = jdbc.sql("""
                select command_sequence, halted, reference_price, band_basis_points, day_orders_expired_at
                from instrument where id = :id
                """).param("id", instrumentId).query((rs, row) -> {
                    Timestamp expired = rs.getTimestamp("day_orders_expired_at");
                    BigDecimal reference = rs.getBigDecimal("reference_price");
                    return new InstrumentBook(instrumentId, rs.getLong("command_sequence"), rs.getBoolean("halted"),
                            reference == null ? 0 : Money.fen(reference, "referencePrice"),
                            rs.getInt("band_basis_points"), expired == null ? null : expired.toInstant());
                }).optional();
        found.ifPresent(book -> {
            for (Orders.Resting resting : orders.openOn(instrumentId)) {
                Order o = resting.order();
                long priceFen = Money.fen(o.limitPrice(), "limitPrice");
                LiveOrder live = new LiveOrder(writer.nextEngineId(), o.id(), instrumentId, o.participantId(),
                        writer.participantKey(o.participantId()), o.side(), o.type(), o.timeInForce(), o.placedAt(),
                        priceFen, o.quantity(), true);
                live.filled = o.filledQuantity();
                live.reservedFen = Money.fen(o.reservedCash(), "reservedCash");
                live.status = OrderStatus.OPEN;
                live.bookPriority = resting.bookPriority();
                book.track(live);
                book.rested(live);
            }
            book.engine.setLastTradePrice(lastBookTrade(instrumentId, null));
            book.engine.setPreviousClose(lastBookTrade(instrumentId, rules.lastSessionClose(clock.instant())));
            book.rebuild(NOTHING_MAY_HAPPEN, order -> {
            });
        });
        return found;
    }

    /**
     * The price of the instrument's last book trade before {@code before} (any time when null), in fen, or 0
     * when there is none. Failed trades count: the book found the price, whatever became of the delivery.
     */
    private long lastBookTrade(String instrumentId, Instant before) {
        return jdbc.sql("select price from trade where instrument_id = :id and venue = 'BOOK'"
                + " and (cast(:before as timestamptz) is null or executed_at < :before) order by seq desc limit 1")
                .param("id", instrumentId).param("before", before == null ? null : Timestamp.from(before))
                .query(BigDecimal.class).optional().map(price -> Money.fen(price, "price")).orElse(0L);
    }

    private static final BookEvents NOTHING_MAY_HAPPEN = new BookEvents() {
        @Override
        public void accepted(long orderId) {
        }

        @Override
        public void trade(long takerOrderId, long makerOrderId, long takerParticipant, long makerParticipant,
                Side takerSide, long priceFen, long quantity, boolean makerFilled) {
            throw new IllegalStateException("the committed book crosses: orders " + takerOrderId + " and " + makerOrderId);
        }

        @Override
        public void rested(long orderId, long priceFen, long openQuantity) {
        }

        @Override
        public void cancelled(long orderId, long cancelledQuantity, CancelReason reason) {
            throw new IllegalStateException("resting the committed book cancelled order " + orderId + ": " + reason);
        }

        @Override
        public void amended(long orderId, long priceFen, long openQuantity, boolean keptPriority) {
        }

        @Override
        public void rejected(long orderId, RejectReason reason) {
            throw new IllegalStateException("resting the committed book rejected order " + orderId + ": " + reason);
        }
    };
}
