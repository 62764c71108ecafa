package org.carbonsink.trading.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import io.micrometer.tracing.TraceContext;
import org.carbonsink.support.tracing.TraceContexts;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.trading.trade.Trades;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The single writer of one shard's books (the instruments of one partition of the ownership topic).
 * Requests put commands in its queue; its thread takes every command that arrived while the previous
 * batch was being written, applies them in order to the in-memory books, writes the batch and its
 * results in one transaction, and answers the requests only after the commit. Nothing else touches
 * these books, so the hot path has no lock beyond the queue.
 *
 * <p>Each command carries the trace context of the request or record that submitted it (captured as a
 * reference, nothing formatted on the way in), and the events it causes are written to the outbox in
 * that context: a trade's TradeExecuted continues the trace of the order that took liquidity (the
 * aggressor), a hold release the trace of the cancel, amendment or delivery failure that caused it.
 * The batch still commits in one transaction; only the outbox rows differ in the context they store.
 *
 * <p>If a batch cannot commit (the database refused it, another instance wrote the instrument, cash was
 * spent elsewhere meanwhile), the books are thrown away and reloaded from the database, which holds the
 * last committed state, and the batch is tried again.
 */
final class Sequencer implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(Sequencer.class);
    private static final int ATTEMPTS = 3;

    final int partition;
    final Orders orders;
    final Trades trades;
    final TradingRules rules;
    private final BatchJournal journal;
    private final BookLoader loader;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Predicate<String> owns;
    private final TraceContexts traces;

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Map<String, InstrumentBook> books = new HashMap<>();
    private final Map<UUID, Long> participantKeys = new HashMap<>();
    private long lastEngineId;
    /** Commands in the last group commit: more than one, and the next one waits a moment for more ({@link #linger}). */
    private int lastBatchSize;
    private volatile boolean running = true;
    private final Thread thread;

    /** A command, the answer its submitter waits for, and the submitter's trace context (null: none). */
    record Pending(BookCommand command, CompletableFuture<Object> future, TraceContext trace) {
    }

    Sequencer(int partition, Orders orders, Trades trades, TradingRules rules, BatchJournal journal, BookLoader loader,
            TransactionTemplate tx, Clock clock, Predicate<String> owns, TraceContexts traces) {
        this.partition = partition;
        this.orders = orders;
        this.trades = trades;
        this.rules = rules;
        this.journal = journal;
        this.loader = loader;
        this.tx = tx;
        this.clock = clock;
        this.owns = owns;
        this.traces = traces;
        this.thread = new Thread(this, "book-writer-" + partition);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    CompletableFuture<Object> submit(BookCommand command) {
        CompletableFuture<Object> future = new CompletableFuture<>();
        queue.add(new Pending(command, future, traces.capture()));
        if (!running) {
            failQueued();
        }
        return future;
    }

    /** Stops taking commands, finishes the batch in hand, refuses what is still queued, and waits for the thread. */
    void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failQueued();
    }

    @Override
    public void run() {
        loadAll();
        while (running) {
            List<Pending> batch = new ArrayList<>();
            try {
                Pending first = queue.poll(rules.expiryCheck().toMillis(), TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                }
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            }
            queue.drainTo(batch, Math.max(0, rules.maxBatch() - batch.size()));
            if (lastBatchSize > 1 && !batch.isEmpty()) {
                linger(queue, batch, rules.groupCommitDelay(), rules.maxBatch());
            }
            lastBatchSize = batch.size();
            List<Pending> due = dueExpiries();
            if (!due.isEmpty()) {
                due.addAll(batch);
                batch = due;
            }
            if (!batch.isEmpty()) {
                process(batch);
            }
        }
        failQueued();
    }

    /**
     * Waits up to {@code delay} for more commands to join {@code batch}, until it holds {@code maxBatch}. The writer
     * waits only when its last group commit took more than one command (as PostgreSQL's {@code commit_delay} only
     * with {@code commit_siblings}): requests are arriving together, and what a commit costs beyond its rows (the
     * statements' executor start, the check constraints and index predicates set up per statement, the round
     * trips, the transaction) is then shared by more of them. A lone request is written at once.
     */
    static <T> void linger(BlockingQueue<T> queue, List<T> batch, Duration delay, int maxBatch) {
        long deadline = System.nanoTime() + delay.toNanos();
        while (batch.size() < maxBatch) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            T next;
            try {
                next = queue.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                // stop() interrupts after it set running false: the batch in hand is still written, then the
                // loop ends (the flag is not set again, or the batch's wait for a connection would fail)
                return;
            }
            if (next == null) {
                return;
            }
            batch.add(next);
            queue.drainTo(batch, maxBatch - batch.size());
        }
    }

    private void process(List<Pending> batch) {
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            boolean first = attempt == 1;
            try {
                Batch done = tx.execute(status -> {
                    Batch b = journal.open(this, clock.instant(), buyers(batch), keyedOrderIds(batch, first));
                    for (Pending pending : batch) {
                        b.apply(pending.command(), pending.future(), pending.trace());
                    }
                    journal.write(b);
                    return b;
                });
                done.touched.forEach(book -> book.committedSequence = book.sequence);
                done.changed.values().forEach(order -> order.saved = true);
                for (Batch.Answer answer : done.answers) {
                    if (answer.refusal() != null) {
                        answer.future().completeExceptionally(answer.refusal());
                    } else {
                        answer.future().complete(answer.value());
                    }
                }
                return;
            } catch (RuntimeException e) {
                failure = e;
                log.warn("book writer {}: batch of {} commands not committed (attempt {}): {}", partition, batch.size(),
                        attempt, e.toString());
                // the books may hold what did not commit: the database has the truth
                books.clear();
                // a duplicate key: another writer committed an order with the same Idempotency-Key (and so
                // the same id) meanwhile; the next attempt finds it and answers or refuses the repeat
                if (!(e instanceof BatchJournal.Conflict || e instanceof DuplicateKeyException)) {
                    break;
                }
            }
        }
        for (Pending pending : batch) {
            pending.future().completeExceptionally(failure);
        }
        loadAll();
    }

    private Set<UUID> buyers(List<Pending> batch) {
        Set<UUID> buyers = new HashSet<>();
        for (Pending pending : batch) {
            if (pending.command() instanceof BookCommand.Place p) {
                buyers.add(p.order().participantId());
            } else if (pending.command() instanceof BookCommand.Amend a) {
                buyers.add(a.callerId());
            }
        }
        return buyers;
    }

    /**
     * The ids of the batch's keyed orders, which an earlier request with the same key may have placed; in the
     * {@code first} attempt without those that their request found absent just before (a batch of orders looks
     * its ids up once, in {@link PlacingOrder#placeAll}, instead of twice).
     */
    static List<UUID> keyedOrderIds(List<Pending> batch, boolean first) {
        List<UUID> ids = new ArrayList<>();
        for (Pending pending : batch) {
            if (pending.command() instanceof BookCommand.Place p && p.requestHash() != null
                    && !(first && p.seenAbsent())) {
                ids.add(p.orderId());
            }
        }
        return ids;
    }

    /** A session close has passed since the book's DAY orders last expired: expire them before anything else. */
    private List<Pending> dueExpiries() {
        List<Pending> due = new ArrayList<>();
        Instant lastClose = rules.lastSessionClose(clock.instant());
        for (InstrumentBook book : books.values()) {
            if (book.dayOrdersExpiredAt == null || lastClose.isAfter(book.dayOrdersExpiredAt)) {
                due.add(new Pending(new BookCommand.ExpireDay(book.instrumentId, lastClose), new CompletableFuture<>(),
                        null));
            }
        }
        return due;
    }

    /** The book of an instrument of this shard, loaded from the database the first time. */
    InstrumentBook book(String instrumentId) {
        InstrumentBook book = books.get(instrumentId);
        if (book == null) {
            if (!owns.test(instrumentId)) {
                throw new IllegalStateException("instrument " + instrumentId + " is not in shard " + partition);
            }
            book = loader.load(instrumentId, this).orElseThrow(() -> unknownInstrument(instrumentId));
            loaded(book);
        }
        return book;
    }

    /**
     * A book whose DAY orders never expired has never held one (the engine came with DAY orders): its
     * first expiry is the next session close, not one that passed before it was ever traded.
     */
    private void loaded(InstrumentBook book) {
        if (book.dayOrdersExpiredAt == null) {
            book.dayOrdersExpiredAt = rules.lastSessionClose(clock.instant());
        }
        books.put(book.instrumentId, book);
    }

    static ProblemException unknownInstrument(String instrumentId) {
        return ProblemException.rule("unknown-instrument", "Unknown instrument",
                "no instrument " + instrumentId + " is listed").with("instrumentId", instrumentId);
    }

    private void loadAll() {
        try {
            for (String instrumentId : loader.instrumentIds()) {
                if (owns.test(instrumentId) && !books.containsKey(instrumentId)) {
                    loader.load(instrumentId, this).ifPresent(this::loaded);
                }
            }
        } catch (RuntimeException e) {
            // loaded lazily on their next command instead
            log.warn("book writer {}: books not loaded: {}", partition, e.toString());
            books.clear();
        }
    }

    long nextEngineId() {
        return ++lastEngineId;
    }

    /** The engine knows participants as longs; any stable numbering will do, as it only compares them. */
    long participantKey(UUID participant) {
        return participantKeys.computeIfAbsent(participant, p -> (long) participantKeys.size() + 1);
    }

    private void failQueued() {
        Pending pending;
        while ((pending = queue.poll()) != null) {
            pending.future().completeExceptionally(Exchange.moved(partition));
        }
    }

    /** The books held now, for tests and diagnostics: instrument → (bids, asks) open orders count. */
    int bookCount() {
        return books.size();
    }
}
