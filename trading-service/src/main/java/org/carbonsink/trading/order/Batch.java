package org.carbonsink.trading.order;

import io.micrometer.tracing.TraceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.trading.cash.CashAccount;
import org.carbonsink.trading.matching.BookEvents;
import org.carbonsink.trading.matching.CancelReason;
import org.carbonsink.trading.matching.OrderType;
import org.carbonsink.trading.matching.RejectReason;
import org.carbonsink.trading.matching.Side;
import org.carbonsink.trading.matching.TimeInForce;
import org.carbonsink.trading.order.BookCommand.Amend;
import org.carbonsink.trading.order.BookCommand.Cancel;
import org.carbonsink.trading.order.BookCommand.ExpireDay;
import org.carbonsink.trading.order.BookCommand.FailDelivery;
import org.carbonsink.trading.order.BookCommand.Halt;
import org.carbonsink.trading.order.BookCommand.OpenHeld;
import org.carbonsink.trading.order.BookCommand.Place;
import org.carbonsink.trading.order.BookCommand.Resume;
import org.carbonsink.trading.order.BookCommand.SetBand;
import org.carbonsink.trading.trade.Trade;
import org.carbonsink.trading.trade.TradeFailure;
import org.carbonsink.trading.trade.TradeStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One group commit of a writer: applies its commands to the books in order and collects everything to
 * write (orders, trades, cash, the command log) and every answer to give once it has committed.
 * A command that is refused throws its problem before it changes anything.
 */
final class Batch implements BookEvents {

    private static final Logger log = LoggerFactory.getLogger(Batch.class);

    private final Sequencer writer;
    final Instant now;
    private final Map<UUID, Long> available;

    final SortedMap<UUID, Long> cashDelta = new TreeMap<>();
    final Map<UUID, LiveOrder> changed = new LinkedHashMap<>();
    final List<Trade> trades = new ArrayList<>();
    /** The trace context of the command that made each of {@link #trades}, at the same index (null: none). */
    final List<TraceContext> tradeCauses = new ArrayList<>();
    final List<HoldRelease> holdReleases = new ArrayList<>();
    final Map<UUID, TradeFailure> failedTrades = new LinkedHashMap<>();
    final List<LogRow> logRows = new ArrayList<>();
    final Set<InstrumentBook> touched = new LinkedHashSet<>();
    final List<Answer> answers = new ArrayList<>();
    private final Set<UUID> opened = new HashSet<>();
    /** The request hash of each order placed in this batch with an Idempotency-Key, written on its row. */
    final Map<UUID, String> requestHashes = new HashMap<>();
    /** The committed orders that the batch's keyed orders' ids name already (looked up once per batch). */
    private Map<UUID, Orders.Requested> earlierRequests = Map.of();

    /** The rules' minimum order value in fen, converted once per batch (-1 until then). */
    private long minimumFen = -1;
    private InstrumentBook book;
    private long sequence;
    private boolean rebuilding;
    private RejectReason rejected;
    /** The trace context of the command being applied: what it causes is published in its trace. */
    private TraceContext cause;

    Batch(Sequencer writer, Instant now, Map<UUID, Long> available) {
        this.writer = writer;
        this.now = now;
        this.available = new HashMap<>(available);
    }

    /** Credits the registry is asked to let go of, in the trace of the command that let them go. */
    record HoldRelease(Order sellOrder, long quantity, TraceContext cause) {
    }

    record LogRow(String instrumentId, long sequence, String kind, UUID orderId, UUID tradeId, UUID participantId,
            String detail, String outcome, Instant at) {
    }

    /** A repeat of a keyed order that was placed already: the order as it is now, placed once. */
    record Replayed(Order order) {
    }

    /** The orders of earlier requests that this batch's keyed orders name (by the ids their keys give). */
    void earlierRequests(Map<UUID, Orders.Requested> found) {
        this.earlierRequests = found;
    }

    /** The answer for one waiting request: a value or a refusal. */
    record Answer(CompletableFuture<Object> future, Object value, RuntimeException refusal) {
    }

    /** {@code trace}: the context of the request or record that submitted the command (null: none). */
    void apply(BookCommand command, CompletableFuture<Object> future, TraceContext trace) {
        cause = trace;
        try {
            Object value;
            if (command instanceof Place c) {
                value = place(c);
            } else if (command instanceof OpenHeld c) {
                value = openHeld(c);
            } else if (command instanceof Cancel c) {
                value = cancel(c);
            } else if (command instanceof Amend c) {
                value = amend(c);
            } else if (command instanceof FailDelivery c) {
                value = failDelivery(c);
            } else if (command instanceof ExpireDay c) {
                value = expireDay(c);
            } else if (command instanceof Halt c) {
                value = rule(c.instrumentId(), "HALT", b -> {
                    b.halted = true;
                    b.engine.halt();
                });
            } else if (command instanceof Resume c) {
                value = rule(c.instrumentId(), "RESUME", b -> {
                    b.halted = false;
                    b.engine.resume();
                });
            } else {
                value = setBand((SetBand) command);
            }
            answers.add(new Answer(future, value, null));
        } catch (ProblemException | IllegalStateException refused) {
            answers.add(new Answer(future, null, refused));
        }
    }

    // ---- commands

    private Object place(Place c) {
        PlaceOrder o = c.order();
        if (c.requestHash() != null) {
            Order earlier = earlierRequest(c);
            if (earlier != null) {
                return new Replayed(earlier);
            }
        }
        InstrumentBook b = writer.book(o.instrumentId());
        checkNotHalted(b);
        long priceFen = 0;
        if (o.type() == OrderType.LIMIT) {
            priceFen = Money.fen(o.limitPrice(), "limitPrice");
            checkBand(b, priceFen);
            checkMinimumValue(o.quantity(), priceFen);
        }
        if (rests(o.type(), o.timeInForce()) && b.openOrdersOf(o.participantId()) >= writer.rules.maxOpenOrdersPerInstrument()) {
            throw openOrderCap(b.openOrdersOf(o.participantId()));
        }
        long unitFen = o.type() == OrderType.LIMIT ? priceFen : marketBuyBound(b, o.participantId(), o.quantity());
        long cost = Money.times(o.quantity(), unitFen);
        checkCash(o.participantId(), cost);

        begin(b);
        LiveOrder order = new LiveOrder(writer.nextEngineId(), c.orderId(), o.instrumentId(), o.participantId(),
                writer.participantKey(o.participantId()), Side.BUY, o.type(), o.timeInForce(), now, priceFen,
                o.quantity(), false);
        order.unitFen = unitFen;
        order.reservedFen = cost;
        reserve(o.participantId(), cost);
        b.track(order);
        b.engine.place(order.engineId, order.participantKey, Side.BUY, o.type(), o.timeInForce(), priceFen,
                o.quantity(), this);
        if (rejected != null) {
            b.untrack(order, false);
            reserve(o.participantId(), -cost);
            throw undo(b);
        }
        settleTaker(b, order, false);
        logRow("PLACE", order.id, null, order.participantId,
                o.type() + " " + o.timeInForce() + " BUY " + o.quantity() + (o.type() == OrderType.LIMIT ? " @ " + Money.text(priceFen) : ""),
                order.status.name());
        if (c.requestHash() != null) {
            requestHashes.put(order.id, c.requestHash());
        }
        return order.snapshot(now);
    }

    /**
     * The order a keyed order's id names already, placed by an earlier request (committed, or earlier in this
     * batch) with the same hash; null if there is none; refused if another request used the key.
     */
    private Order earlierRequest(Place c) {
        String inThisBatch = requestHashes.get(c.orderId());
        Orders.Requested committed = earlierRequests.get(c.orderId());
        if (inThisBatch == null && committed == null) {
            return null;
        }
        String hash = inThisBatch != null ? inThisBatch : committed.requestHash();
        if (!c.requestHash().equals(hash)) {
            throw PlacingOrder.keyReused();
        }
        LiveOrder live = changed.get(c.orderId());
        return live != null ? live.snapshot(now) : committed.order();
    }

    private Object openHeld(OpenHeld c) {
        InstrumentBook b = writer.book(c.instrumentId());
        // in the book already, or cancelled earlier in this batch (its release is asked for already)
        if (!opened.add(c.orderId()) || b.orders.holds(c.orderId()) || changed.containsKey(c.orderId())) {
            return null;
        }
        Order pending = writer.orders.find(c.orderId())
                .orElseThrow(() -> new IllegalStateException("credits held for unknown order " + c.orderId()));
        if (pending.status() != OrderStatus.PENDING_HOLD) {
            log.warn("order {} is already {}; hold confirmation ignored", pending.id(), pending.status());
            return null;
        }
        // invariant 4: the order may sell exactly what is held for it, no more
        if (c.heldQuantity() != pending.quantity()) {
            throw new IllegalStateException("registry held " + c.heldQuantity() + " credits for order "
                    + pending.id() + " of " + pending.quantity());
        }
        if (pending.timeInForce() == TimeInForce.DAY && b.dayOrdersExpiredAt != null
                && pending.placedAt().isBefore(b.dayOrdersExpiredAt)) {
            // its session closed while the registry was holding its credits: a DAY order never outlives
            // the session it was placed in, so it expires now rather than resting until the next close
            closeAwaitingHold(b, pending, CancelReason.EXPIRED, "OPEN_HELD", "session closed awaiting its hold");
            return null;
        }
        int open = b.openOrdersOf(pending.participantId());
        if (rests(pending.type(), pending.timeInForce()) && open >= writer.rules.maxOpenOrdersPerInstrument()) {
            // the cap held when it was placed, but orders placed while the registry was holding its credits
            // (buy orders, which the writer counts from the book) filled the participant's share of the book since
            rejectAwaitingHold(b, pending, "the participant had " + open + " orders open in the book when its credits"
                    + " were held; the cap is " + writer.rules.maxOpenOrdersPerInstrument());
            return null;
        }
        long priceFen = pending.type() == OrderType.LIMIT ? Money.fen(pending.limitPrice(), "limitPrice") : 0;
        begin(b);
        LiveOrder order = new LiveOrder(writer.nextEngineId(), pending.id(), pending.instrumentId(),
                pending.participantId(), writer.participantKey(pending.participantId()), Side.SELL, pending.type(),
                pending.timeInForce(), pending.placedAt(), priceFen, pending.quantity(), true);
        b.track(order);
        b.engine.place(order.engineId, order.participantKey, Side.SELL, order.type, order.timeInForce, priceFen,
                order.quantity, this);
        if (rejected != null) {
            // the book would not take it now (halted, or outside a band set since it was placed): the
            // order ends and the registry lets its credits go
            b.untrack(order, false);
            order.status = OrderStatus.REJECTED;
            order.rejectionReason = "the book refused the order when its credits were held: " + rejected;
            changed.put(order.id, order);
            holdReleases.add(new HoldRelease(order.snapshot(now), order.quantity, cause));
            rejected = null;
            logRow("OPEN_HELD", order.id, null, order.participantId, "SELL " + order.quantity, "REJECTED");
            return null;
        }
        settleTaker(b, order, false);
        logRow("OPEN_HELD", order.id, null, order.participantId, "SELL " + order.quantity, order.status.name());
        return null;
    }

    private Order cancel(Cancel c) {
        InstrumentBook b = writer.book(c.instrumentId());
        Order awaiting = awaitingHold(b, c.orderId(), c.callerId());
        if (awaiting != null) {
            return cancelAwaitingHold(b, awaiting);
        }
        LiveOrder order = ownedLiveOrder(b, c.orderId(), c.callerId(), "cancel");
        begin(b);
        b.engine.cancel(order.engineId, this);
        if (rejected != null) {
            throw undo(b);
        }
        logRow("CANCEL", order.id, null, order.participantId, null, order.status.name());
        return order.snapshot(now);
    }

    /** The caller's sell order still waiting for its hold, as committed; null for any other order. */
    private Order awaitingHold(InstrumentBook b, UUID orderId, UUID callerId) {
        if (b.orders.holds(orderId) || changed.containsKey(orderId)) {
            return null;
        }
        return writer.orders.find(orderId)
                .filter(o -> o.status() == OrderStatus.PENDING_HOLD && o.participantId().equals(callerId)).orElse(null);
    }

    /**
     * A sell order still waiting for its hold is cancelled at once. The registry is asked in the same
     * commit to let go of all it holds for it: the request follows the hold request on the same topic and
     * key, so the registry releases a hold it made, and refuses for good one it has not made yet.
     */
    private Order cancelAwaitingHold(InstrumentBook b, Order pending) {
        return closeAwaitingHold(b, pending, CancelReason.USER, "CANCEL", "awaiting its hold");
    }

    /** Ends a sell order that never entered the book, and asks the registry to let go of all it holds for it. */
    private Order closeAwaitingHold(InstrumentBook b, Order pending, CancelReason reason, String logKind,
            String detail) {
        return endAwaitingHold(b, pending, OrderStatus.CANCELLED, reason, null, logKind, detail);
    }

    /** Refuses a sell order when its credits are held, as the book refuses one it will not take then. */
    private void rejectAwaitingHold(InstrumentBook b, Order pending, String rejectionReason) {
        endAwaitingHold(b, pending, OrderStatus.REJECTED, null, rejectionReason, "OPEN_HELD", rejectionReason);
    }

    private Order endAwaitingHold(InstrumentBook b, Order pending, OrderStatus status, CancelReason reason,
            String rejectionReason, String logKind, String detail) {
        begin(b);
        LiveOrder order = new LiveOrder(writer.nextEngineId(), pending.id(), pending.instrumentId(),
                pending.participantId(), writer.participantKey(pending.participantId()), Side.SELL, pending.type(),
                pending.timeInForce(), pending.placedAt(),
                pending.type() == OrderType.LIMIT ? Money.fen(pending.limitPrice(), "limitPrice") : 0,
                pending.quantity(), true);
        order.status = status;
        order.cancelReason = reason;
        order.rejectionReason = rejectionReason;
        changed.put(order.id, order);
        holdReleases.add(new HoldRelease(order.snapshot(now), order.quantity, cause));
        logRow(logKind, order.id, null, order.participantId, detail, order.status.name());
        return order.snapshot(now);
    }

    private Order amend(Amend c) {
        InstrumentBook b = writer.book(c.instrumentId());
        LiveOrder order = ownedLiveOrder(b, c.orderId(), c.callerId(), "amend");
        checkNotHalted(b);
        long priceFen = c.limitPrice() == null ? order.priceFen : Money.fen(c.limitPrice(), "limitPrice");
        long quantity = c.quantity() == null ? order.quantity : c.quantity();
        long open = quantity - order.filled;
        if (open < 1) {
            throw ProblemException.rule("amend-below-filled", "Quantity not above the filled quantity",
                    "order " + order.id + " has " + order.filled + " credits filled; a new quantity must exceed it")
                    .with("filledQuantity", order.filled);
        }
        if (priceFen != order.priceFen) {
            checkBand(b, priceFen);
        }
        checkMinimumValue(quantity, priceFen);
        if (order.side == Side.SELL && quantity > order.quantity) {
            throw ProblemException.rule("sell-amend-above-held", "More than the credits held",
                    "the registry holds " + order.quantity + " credits for sell order " + order.id
                            + "; its quantity can only go down");
        }
        if (order.side == Side.BUY) {
            checkCash(order.participantId, Money.times(open, priceFen) - order.reservedFen);
        }
        begin(b);
        b.engine.amend(order.engineId, priceFen, open, this);
        if (rejected != null) {
            throw undo(b);
        }
        if (order.open() == 0) {
            order.status = OrderStatus.FILLED;
            b.untrack(order, true);
        }
        logRow("AMEND", order.id, null, order.participantId, quantity + " @ " + Money.text(priceFen), order.status.name());
        return order.snapshot(now);
    }

    private Object failDelivery(FailDelivery c) {
        InstrumentBook b = writer.book(c.instrumentId());
        Trade trade = writer.trades.find(c.tradeId()).orElse(null);
        if (trade == null || trade.status() != TradeStatus.PENDING_DELIVERY || failedTrades.containsKey(trade.id())) {
            log.warn("trade {} is not awaiting delivery; delivery failure ignored", c.tradeId());
            return null;
        }
        String reason = c.failure().reason();
        begin(b);
        failedTrades.put(trade.id(), c.failure());
        // invariant 5: neither leg moves; the buyer's cash reserved for the trade is free again
        reserve(trade.buyerId(), -Money.fen(trade.amount(), "amount"));
        LiveOrder sell = sellOrderOf(b, trade);
        String outcome;
        if (c.failure().buyersFault()) {
            cancelUndeliverableBids(b, trade.buyerId());
            outcome = returnFill(b, sell, trade.quantity());
        } else {
            // the seller's hold no longer backs the quantity: the order does not get it back, and whatever
            // the registry still holds of it is let go
            holdReleases.add(new HoldRelease(sell.snapshot(now), trade.quantity(), cause));
            outcome = "RELEASED";
        }
        logRow("RETURN_FILL", trade.sellOrderId(), trade.id(), trade.sellerId(), reason, outcome);
        return null;
    }

    /**
     * The registry has no account to deliver to {@code buyer}: its bids resting in this book could only make
     * trades that fail the same way, and would at once take back the credits the failed trade gives back to
     * its seller. They leave the book before that ({@link CancelReason#UNDELIVERABLE}), their cash released.
     */
    private void cancelUndeliverableBids(InstrumentBook b, UUID buyer) {
        for (LiveOrder bid : b.orders.all()) {
            if (bid.side == Side.BUY && bid.inBook() && bid.participantId.equals(buyer)) {
                b.engine.cancel(bid.engineId, this);
                bid.cancelReason = CancelReason.UNDELIVERABLE;
            }
        }
    }

    /**
     * Gives the failed trade's quantity back to its sell order, whose credits the registry still holds.
     * The order keeps its place in the queue: a resting one its priority, a filled one the priority it had.
     */
    private String returnFill(InstrumentBook b, LiveOrder sell, long quantity) {
        changed.put(sell.id, sell);
        if (sell.inBook()) {
            sell.filled -= quantity;
            rebuild(b);
            return "RETURNED";
        }
        if (sell.status == OrderStatus.FILLED && rests(sell.type, sell.timeInForce) && sell.bookPriority > 0) {
            sell.filled -= quantity;
            sell.status = OrderStatus.OPEN;
            b.track(sell);
            b.rested(sell);
            rebuild(b);
            return "RETURNED";
        }
        // cancelled meanwhile, or an order that never rests: the registry lets the credits go
        holdReleases.add(new HoldRelease(sell.snapshot(now), quantity, cause));
        return "RELEASED";
    }

    /** The trade's sell order as this batch knows it: in the book, changed earlier in the batch, or as committed. */
    private LiveOrder sellOrderOf(InstrumentBook b, Trade trade) {
        LiveOrder sell = b.orders.byId(trade.sellOrderId());
        if (sell == null) {
            sell = changed.get(trade.sellOrderId());
        }
        if (sell == null) {
            Orders.Resting committed = writer.orders.findResting(trade.sellOrderId()).orElseThrow();
            Order o = committed.order();
            sell = new LiveOrder(writer.nextEngineId(), o.id(), o.instrumentId(), o.participantId(),
                    writer.participantKey(o.participantId()), Side.SELL, o.type(), o.timeInForce(), o.placedAt(),
                    o.type() == OrderType.LIMIT ? Money.fen(o.limitPrice(), "limitPrice") : 0, o.quantity(), true);
            sell.filled = o.filledQuantity();
            sell.status = o.status();
            sell.cancelReason = o.cancelReason();
            sell.bookPriority = committed.bookPriority();
        }
        return sell;
    }

    private Object expireDay(ExpireDay c) {
        InstrumentBook b = writer.book(c.instrumentId());
        if (b.dayOrdersExpiredAt != null && !c.close().isAfter(b.dayOrdersExpiredAt)) {
            return null;
        }
        begin(b);
        b.engine.expireDayOrders(this);
        b.dayOrdersExpiredAt = c.close();
        logRow("EXPIRE_DAY", null, null, null, "session close " + c.close(), "EXPIRED");
        return null;
    }

    private Object setBand(SetBand c) {
        long referenceFen = c.referencePrice() == null ? 0 : Money.fen(c.referencePrice(), "referencePrice");
        return rule(c.instrumentId(), "SET_BAND", b -> {
            b.referenceFen = referenceFen;
            b.bandBasisPoints = c.basisPoints();
            b.applyRules();
        });
    }

    private Object rule(String instrumentId, String kind, java.util.function.Consumer<InstrumentBook> change) {
        InstrumentBook b = writer.book(instrumentId);
        begin(b);
        change.accept(b);
        logRow(kind, null, null, null, "halted=" + b.halted + " reference=" + Money.of(b.referenceFen) + " band="
                + b.bandBasisPoints + "bp", "APPLIED");
        return null;
    }

    // ---- the engine's events

    @Override
    public void accepted(long orderId) {
    }

    @Override
    public void trade(long takerOrderId, long makerOrderId, long takerParticipant, long makerParticipant,
            Side takerSide, long priceFen, long quantity, boolean makerFilled) {
        LiveOrder taker = book.orders.byEngineId(takerOrderId);
        LiveOrder maker = book.orders.byEngineId(makerOrderId);
        LiveOrder buy = takerSide == Side.BUY ? taker : maker;
        LiveOrder sell = takerSide == Side.BUY ? maker : taker;
        // the buy order reserved quantity × its unit price; the trade keeps quantity × price, the rest is free
        buy.filled += quantity;
        buy.reservedFen -= quantity * buy.unitFen;
        reserve(buy.participantId, -quantity * (buy.unitFen - priceFen));
        sell.filled += quantity;
        changed.put(buy.id, buy);
        changed.put(sell.id, sell);
        trades.add(new Trade(UUID.randomUUID(), book.instrumentId, buy.id, sell.id, buy.participantId,
                sell.participantId, quantity, Money.of(priceFen), Money.of(Money.times(quantity, priceFen)),
                CashAccount.CNY, TradeStatus.PENDING_DELIVERY, null, now, null));
        // the aggressor's command matched it: the trade continues the taker's trace
        tradeCauses.add(cause);
        if (makerFilled) {
            maker.status = OrderStatus.FILLED;
            book.untrack(maker, true);
        }
    }

    @Override
    public void rested(long orderId, long priceFen, long openQuantity) {
        LiveOrder order = book.orders.byEngineId(orderId);
        if (rebuilding) {
            return;
        }
        if (order.status != OrderStatus.OPEN) {
            order.status = OrderStatus.OPEN;
            book.rested(order);
        }
        order.bookPriority = sequence;
        changed.put(order.id, order);
    }

    @Override
    public void cancelled(long orderId, long cancelledQuantity, CancelReason reason) {
        LiveOrder order = book.orders.byEngineId(orderId);
        boolean wasResting = order.inBook();
        order.status = OrderStatus.CANCELLED;
        order.cancelReason = reason;
        if (order.side == Side.BUY) {
            reserve(order.participantId, -order.reservedFen);
            order.reservedFen = 0;
        } else {
            holdReleases.add(new HoldRelease(order.snapshot(now), cancelledQuantity, cause));
        }
        changed.put(order.id, order);
        book.untrack(order, wasResting);
    }

    @Override
    public void amended(long orderId, long priceFen, long openQuantity, boolean keptPriority) {
        LiveOrder order = book.orders.byEngineId(orderId);
        long previousOpen = order.open();
        order.priceFen = priceFen;
        if (order.side == Side.BUY) {
            long reserved = Money.times(openQuantity, priceFen);
            reserve(order.participantId, reserved - order.reservedFen);
            order.unitFen = priceFen;
            order.reservedFen = reserved;
        } else if (openQuantity < previousOpen) {
            holdReleases.add(new HoldRelease(order.snapshot(now), previousOpen - openQuantity, cause));
        }
        order.quantity = order.filled + openQuantity;
        if (!keptPriority) {
            order.bookPriority = sequence;
        }
        changed.put(order.id, order);
    }

    @Override
    public void rejected(long orderId, RejectReason reason) {
        rejected = reason;
    }

    // ---- helpers

    /** Starts a command on a book: it takes the book's next sequence number. */
    private void begin(InstrumentBook b) {
        book = b;
        sequence = ++b.sequence;
        rejected = null;
        touched.add(b);
    }

    /** The engine refused a command it was given: the sequence number goes back and the refusal is answered. */
    private ProblemException undo(InstrumentBook b) {
        b.sequence--;
        RejectReason reason = rejected;
        rejected = null;
        return switch (reason) {
            case HALTED -> halted(b);
            case PRICE_OUTSIDE_BAND -> outsideBand(b);
            case UNKNOWN_ORDER -> ProblemException.conflict("order-closed", "Order closed", "the order is not in the book");
            case DUPLICATE_ORDER_ID -> throw new IllegalStateException("the engine already holds order id of " + b.instrumentId);
            case INVALID_QUANTITY -> ProblemException.invalidField("quantity", "Min", "must be at least 1");
            case INVALID_PRICE -> ProblemException.invalidField("limitPrice", "Positive", "must be positive");
        };
    }

    /** After a taker's command: what the order became, and whether it stays in the book. */
    private void settleTaker(InstrumentBook b, LiveOrder order, boolean wasResting) {
        if (order.status == null) {
            order.status = OrderStatus.FILLED;
        }
        changed.put(order.id, order);
        if (!order.inBook() && b.orders.holds(order.id)) {
            b.untrack(order, wasResting);
        }
    }

    /** Rests the book's orders again in priority order (see {@link InstrumentBook#rebuild}). */
    private void rebuild(InstrumentBook b) {
        rebuilding = true;
        try {
            b.rebuild(this, order -> {
                if (order.open() == 0 && order.inBook()) {
                    order.status = OrderStatus.FILLED;
                    b.untrack(order, true);
                }
            });
        } finally {
            rebuilding = false;
        }
    }

    private LiveOrder ownedLiveOrder(InstrumentBook b, UUID orderId, UUID callerId, String act) {
        LiveOrder order = b.orders.byId(orderId);
        if (order == null) {
            Order found = changed.containsKey(orderId) ? changed.get(orderId).snapshot(now)
                    : writer.orders.find(orderId).orElseThrow(() -> ProblemException.notFound("order", orderId));
            if (!found.participantId().equals(callerId)) {
                throw ProblemException.forbidden("only the participant who placed an order may " + act + " it");
            }
            if (found.status() == OrderStatus.PENDING_HOLD) {
                throw ProblemException.conflict("order-awaiting-hold", "Order not open yet", "the registry has not yet"
                        + " confirmed the credits of order " + orderId + "; " + act + " it once it is open");
            }
            throw ProblemException.conflict("order-closed", "Order closed",
                    "order " + orderId + " is " + found.status() + " and cannot be " + (act.equals("cancel") ? "cancelled" : "amended"));
        }
        if (!order.participantId.equals(callerId)) {
            throw ProblemException.forbidden("only the participant who placed an order may " + act + " it");
        }
        return order;
    }

    private void reserve(UUID participant, long deltaFen) {
        if (deltaFen != 0) {
            cashDelta.merge(participant, deltaFen, Long::sum);
            available.merge(participant, -deltaFen, Long::sum);
        }
    }

    private void checkCash(UUID participant, long costFen) {
        long free = available.getOrDefault(participant, 0L);
        if (costFen > free) {
            throw ProblemException.rule("insufficient-cash", "Insufficient cash", "the order needs " + Money.of(costFen)
                    + " CNY reserved and the account has " + Money.of(free) + " CNY available")
                    .with("required", Money.of(costFen)).with("available", Money.of(free));
        }
    }

    private void checkNotHalted(InstrumentBook b) {
        if (b.halted) {
            throw halted(b);
        }
    }

    private void checkBand(InstrumentBook b, long priceFen) {
        if (priceFen < b.engine.lowerBandFen() || priceFen > b.engine.upperBandFen()) {
            throw outsideBand(b);
        }
    }

    private void checkMinimumValue(long quantity, long priceFen) {
        if (minimumFen < 0) {
            minimumFen = Money.fen(writer.rules.minimumOrderValue(), "minimumOrderValue");
        }
        long minimum = minimumFen;
        if (priceFen > 0 && Money.times(quantity, priceFen) < minimum) {
            throw ProblemException.rule("below-minimum-order-value", "Order value below the minimum",
                    "quantity × limit price is " + Money.of(Money.times(quantity, priceFen)) + " CNY; the minimum is "
                            + writer.rules.minimumOrderValue() + " CNY")
                    .with("minimumOrderValue", writer.rules.minimumOrderValue());
        }
    }

    private ProblemException openOrderCap(int open) {
        return ProblemException.rule("open-order-cap", "Too many open orders", "the participant has " + open
                + " orders open in this book; the cap is " + writer.rules.maxOpenOrdersPerInstrument())
                .with("maxOpenOrders", writer.rules.maxOpenOrdersPerInstrument());
    }

    static ProblemException halted(InstrumentBook b) {
        return ProblemException.conflict("instrument-halted", "Trading halted",
                "the exchange operator halted trading in " + b.instrumentId + "; orders may be cancelled only")
                .with("instrumentId", b.instrumentId);
    }

    static ProblemException outsideBand(InstrumentBook b) {
        return outsideBand(b.instrumentId, b.engine.lowerBandFen(), b.engine.upperBandFen(), b.engine.referencePrice(),
                b.bandBasisPoints, b.referenceFen > 0);
    }

    /**
     * The refusal of a limit price outside the band, the same for a buy order (checked by the writer) and a sell
     * order (checked when it is placed, before its hold): the bounds, the reference price and where it comes from.
     */
    static ProblemException outsideBand(String instrumentId, long lowerFen, long upperFen, long referenceFen,
            int basisPoints, boolean operatorReference) {
        return ProblemException.rule("price-outside-band", "Price outside the band", "limit prices for "
                + instrumentId + " must be within " + Money.of(lowerFen) + " and " + Money.of(upperFen) + " CNY (±"
                + basisPoints / 100.0 + "% of " + Money.of(referenceFen) + (operatorReference
                        ? ", the operator's reference price)" : ", the previous session's closing price)"))
                .with("lowerBand", Money.of(lowerFen))
                .with("upperBand", Money.of(upperFen))
                .with("referencePrice", Money.of(referenceFen))
                .with("referenceSource", operatorReference ? "OPERATOR" : "PREVIOUS_CLOSE");
    }

    static boolean rests(OrderType type, TimeInForce tif) {
        return type == OrderType.LIMIT && (tif == TimeInForce.GTC || tif == TimeInForce.DAY);
    }

    /**
     * The worst price a market buy can pay: the ask level at which the book holds its quantity plus the
     * buyer's own asks (which self-trade prevention cancels rather than trades), capped by the band.
     * Reserving quantity × this covers every fill; what is not paid is released after matching.
     */
    private long marketBuyBound(InstrumentBook b, UUID participant, long quantity) {
        long own = b.orders.stream().filter(o -> o.side == Side.SELL && o.participantId.equals(participant))
                .mapToLong(LiveOrder::open).sum();
        long[] walk = { 0, 0, 0 };
        long need = quantity + own;
        b.engine.forEachLevel(Side.SELL, (priceFen, openQuantity, orders) -> {
            walk[0] += openQuantity;
            walk[2] = priceFen;
            if (walk[1] == 0 && walk[0] >= need) {
                walk[1] = priceFen;
            }
        });
        long bound = walk[1] != 0 ? walk[1] : walk[2];
        return Math.min(bound, b.engine.upperBandFen());
    }

    private void logRow(String kind, UUID orderId, UUID tradeId, UUID participantId, String detail, String outcome) {
        logRows.add(new LogRow(book.instrumentId, sequence, kind, orderId, tradeId, participantId, detail, outcome, now));
    }
}
