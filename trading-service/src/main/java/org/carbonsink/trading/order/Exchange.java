package org.carbonsink.trading.order;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToIntFunction;
import org.carbonsink.support.tracing.TraceContexts;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.trading.trade.Trades;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The books this instance owns, and the way to them. Instruments are spread over instances by the
 * consumer group's assignment of the partitions of the ownership topic (registry.holds.v1, keyed by
 * instrument id): an instance owns the books of the instruments whose key falls in a partition assigned
 * to it, one writer thread per partition, and rebuilds them from the database on assignment. A command
 * for a book owned elsewhere is refused with 421 and the owner's address (docs/exchange-engine.md).
 */
@Component
public class Exchange {

    private static final Logger log = LoggerFactory.getLogger(Exchange.class);
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);
    private static final Duration FIRST_ASSIGNMENT_WITHIN = Duration.ofSeconds(20);

    private final Orders orders;
    private final Trades trades;
    private final TradingRules rules;
    private final BatchJournal journal;
    private final BookLoader loader;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final Environment environment;
    private final TraceContexts traces;
    private final String instanceId = UUID.randomUUID().toString();
    private final Map<Integer, Sequencer> writers = new ConcurrentHashMap<>();
    private final CountDownLatch firstAssignment = new CountDownLatch(1);
    private volatile ToIntFunction<String> partitionOf;

    Exchange(Orders orders, Trades trades, TradingRules rules, BatchJournal journal, BookLoader loader,
            PlatformTransactionManager transactions, Clock clock, JdbcClient jdbc,
            Environment environment, TraceContexts traces) {
        this.orders = orders;
        this.trades = trades;
        this.rules = rules;
        this.journal = journal;
        this.loader = loader;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.jdbc = jdbc;
        this.environment = environment;
        this.traces = traces;
    }

    /** Applies a command on its instrument's book and answers once it is committed; refusals are thrown. */
    Object execute(BookCommand command) {
        CompletableFuture<Object> answer = writerOf(command.instrumentId()).submit(command);
        try {
            return answer.get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException refusal) {
                throw refusal;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "book-busy", "Book busy",
                    "the book of " + command.instrumentId() + " did not answer within " + ANSWER_WITHIN.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Submits without waiting, for callers that put many commands in one batch. */
    Submitter submitter() {
        return new Submitter();
    }

    /**
     * Submits commands without waiting, finding the writer of a run of commands on one instrument once: the book's
     * partition is a hash of the instrument id. For one thread.
     */
    final class Submitter {

        private String instrumentId;
        private Sequencer writer;

        CompletableFuture<Object> submit(BookCommand command) {
            try {
                if (writer == null || !command.instrumentId().equals(instrumentId)) {
                    writer = writerOf(command.instrumentId());
                    instrumentId = command.instrumentId();
                }
                return writer.submit(command);
            } catch (RuntimeException refused) {
                return CompletableFuture.failedFuture(refused);
            }
        }
    }

    public boolean owns(String instrumentId) {
        ToIntFunction<String> partitions = partitionOf;
        return partitions != null && writers.containsKey(partitions.applyAsInt(instrumentId));
    }

    private Sequencer writerOf(String instrumentId) {
        if (partitionOf == null) {
            try {
                firstAssignment.await(FIRST_ASSIGNMENT_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ToIntFunction<String> partitions = partitionOf;
        if (partitions == null) {
            throw unavailable(instrumentId);
        }
        int partition = partitions.applyAsInt(instrumentId);
        Sequencer writer = writers.get(partition);
        if (writer == null) {
            throw ownerOf(partition).map(owner -> new ProblemException(HttpStatus.MISDIRECTED_REQUEST, "not-book-owner",
                    "Book owned by another instance", "the book of " + instrumentId + " is kept by " + owner
                            + "; send the request there").with("owner", owner).with("instrumentId", instrumentId))
                    .orElseGet(() -> unavailable(instrumentId));
        }
        return writer;
    }

    /**
     * The consumer group gave this instance these partitions of {@code partitionCount}: their books are
     * rebuilt from the database and their writers start.
     */
    public synchronized void assigned(Collection<Integer> partitions, ToIntFunction<String> partitionOf) {
        this.partitionOf = partitionOf;
        for (int partition : partitions) {
            writers.computeIfAbsent(partition, p -> {
                Sequencer writer = new Sequencer(p, orders, trades, rules, journal, loader, tx, clock,
                        id -> partitionOf.applyAsInt(id) == p, traces);
                writer.start();
                return writer;
            });
            jdbc.sql("""
                    insert into book_owner (topic_partition, instance_id, base_url, assigned_at) values (:p, :i, :u, now())
                    on conflict (topic_partition) do update
                    set instance_id = excluded.instance_id, base_url = excluded.base_url, assigned_at = excluded.assigned_at
                    """).param("p", partition).param("i", instanceId).param("u", baseUrl()).update();
        }
        log.info("instance {} owns the books of partitions {}", instanceId, writers.keySet());
        firstAssignment.countDown();
    }

    /** The group took these partitions away: their writers finish the batch in hand and drop the books. */
    public synchronized void revoked(Collection<Integer> partitions) {
        for (int partition : partitions) {
            Sequencer writer = writers.remove(partition);
            if (writer != null) {
                writer.stop();
                jdbc.sql("delete from book_owner where topic_partition = :p and instance_id = :i").param("p", partition)
                        .param("i", instanceId).update();
            }
        }
    }

    @PreDestroy
    synchronized void stop() {
        writers.values().forEach(Sequencer::stop);
        writers.clear();
    }

    private Optional<String> ownerOf(int partition) {
        return jdbc.sql("select base_url from book_owner where topic_partition = :p").param("p", partition)
                .query(String.class).optional();
    }

    private String baseUrl() {
        String configured = environment.getProperty("carbonsink.trading.instance-url");
        if (configured != null) {
            return configured;
        }
        return "http://127.0.0.1:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8083"));
    }

    private static ProblemException unavailable(String instrumentId) {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "book-unavailable", "Book unavailable",
                "no instance holds the book of " + instrumentId + " at the moment; try again shortly")
                .with("instrumentId", instrumentId);
    }

    static ProblemException moved(int partition) {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "book-unavailable", "Book unavailable",
                "the book's partition " + partition + " moved to another instance; try again shortly");
    }
}
