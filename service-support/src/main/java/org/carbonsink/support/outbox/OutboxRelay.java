package org.carbonsink.support.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.carbonsink.contracts.EventHeaders;
import org.carbonsink.support.jdbc.Pipeline;
import org.carbonsink.support.tracing.TraceContexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends outbox rows to Kafka in id order and marks them published. One relay works per database
 * at a time (an advisory lock per batch), so per-key order holds across instances.
 *
 * <p>The relay sleeps until a commit that wrote an event wakes it ({@link #wakeUp()}, called after
 * commit in this JVM and on a PostgreSQL notification from others), or until the fallback
 * {@code pollInterval} passes. A row that cannot be sent yet (broker unreachable, timeout) stays
 * pending, with the rows of its key behind it, and is tried again after {@code retryInterval}. A
 * row that can never be sent (too large, refused by the broker's authorization, unserializable) is
 * parked with its reason: the later rows of its topic and key wait behind it until an
 * administrator releases it, and every other key keeps flowing.
 *
 * <p>Delivery is at least once: a crash after the send and before the mark sends the row again,
 * which consumers' inboxes absorb.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x0c0ffee0L;

    private final JdbcClient jdbc;
    private final JdbcOperations template;
    private final TransactionTemplate tx;
    private final KafkaTemplate<String, String> kafka;
    private final int batchSize;
    private final Duration sendTimeout;
    private final Duration retention;
    private final Duration pollInterval;
    private final Duration retryInterval;
    private final TraceContexts traces;

    private final String id = UUID.randomUUID().toString();
    private final Object signal = new Object();
    private boolean signalled;
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(JdbcClient jdbc, JdbcOperations template, TransactionTemplate tx, KafkaTemplate<String, String> kafka, int batchSize,
            Duration sendTimeout, Duration retention, Duration pollInterval, Duration retryInterval,
            TraceContexts traces) {
        this.jdbc = jdbc;
        this.template = template;
        this.tx = tx;
        this.kafka = kafka;
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
        this.retention = retention;
        this.pollInterval = pollInterval;
        this.retryInterval = retryInterval;
        this.traces = traces;
    }

    /**
     * Names this relay in the notifications of the commits that already woke it after commit, so that
     * {@link OutboxNotifications} does not wake it a second time for them.
     */
    public String id() {
        return id;
    }

    /** Asks the relay to look for pending rows now; cheap, and safe to call from any thread. */
    public void wakeUp() {
        synchronized (signal) {
            signalled = true;
            signal.notifyAll();
        }
    }

    @Override
    public void start() {
        running = true;
        signalled = true;
        worker = new Thread(this::work, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        wakeUp();
        try {
            worker.join(sendTimeout.toMillis() + 5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void work() {
        Duration wait = Duration.ZERO;
        while (running) {
            synchronized (signal) {
                long deadline = System.nanoTime() + wait.toNanos();
                while (!signalled && running) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    try {
                        TimeUnit.NANOSECONDS.timedWait(signal, left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                // cleared before the pass, so a commit during the pass is seen by the next one
                signalled = false;
            }
            if (!running) {
                return;
            }
            try {
                wait = relayPending() ? pollInterval : retryInterval;
            } catch (RuntimeException e) {
                log.warn("outbox relay pass failed, retrying in {}: {}", retryInterval, e.toString());
                wait = retryInterval;
            }
        }
    }

    /**
     * Relays batches until none is full; answers false when a row could not be sent yet, so the
     * caller retries soon rather than at the fallback poll.
     */
    public boolean relayPending() {
        Batch batch;
        do {
            batch = relayBatch();
        } while (batch.selected() == batchSize && !batch.retryLater());
        return !batch.retryLater();
    }

    /** What one batch did. */
    public record Batch(int selected, int published, int parked, boolean retryLater) {
        static final Batch NONE = new Batch(0, 0, 0, false);
    }

    /** Sends up to one batch, if this instance is the one relay of the database just now. */
    public Batch relayBatch() {
        Batch batch = tx.execute(status -> {
            // One relay at a time per database, or a second instance could overtake the first. The lock and
            // the select go in one round trip but run as two statements: the select's snapshot is taken after
            // the lock is held, so it sees every row the previous holder marked published before it let go.
            // When the lock is not free the rows read are not used.
            Pipeline.Results found = new Pipeline()
                    .query("select pg_try_advisory_xact_lock(?)", (rs, row) -> rs.getBoolean(1), RELAY_LOCK)
                    .query("""
                            select e.id, e.topic, e.event_key, e.event_type, e.event_id, e.payload, e.correlation_id,
                                e.trace_parent
                            from outbox_event e
                            where e.published_at is null and e.parked_at is null
                              and not exists (select 1 from outbox_event p
                                              where p.published_at is null and p.parked_at is not null
                                                and p.topic = e.topic and p.event_key = e.event_key and p.id < e.id)
                            order by e.id limit ?
                            """, PENDING, batchSize)
                    .run(template);
            if (!found.<Boolean>rows(0).get(0)) {
                return Batch.NONE;
            }
            List<PendingEvent> pending = found.rows(1);
            return send(pending);
        });
        return batch == null ? Batch.NONE : batch;
    }

    private Batch send(List<PendingEvent> pending) {
        // Sent without waiting one by one, in id order; a key whose send fails stops there, so no
        // later row of that key is sent in this batch.
        Set<String> stoppedKeys = new HashSet<>();
        Map<PendingEvent, CompletableFuture<?>> inFlight = new LinkedHashMap<>();
        Map<PendingEvent, Throwable> failed = new LinkedHashMap<>();
        for (PendingEvent event : pending) {
            if (stoppedKeys.contains(event.orderingKey())) {
                continue;
            }
            CompletableFuture<?> sending;
            try {
                // the producer span joins the trace of the request that wrote the event
                sending = traces.continueIn(event.traceParent(), "outbox relay " + event.topic(),
                        () -> kafka.send(event.toRecord()));
            } catch (RuntimeException e) {
                sending = CompletableFuture.failedFuture(e);
            }
            if (sending.isCompletedExceptionally()) {
                failed.put(event, failure(sending));
                stoppedKeys.add(event.orderingKey());
            } else {
                inFlight.put(event, sending);
            }
        }
        List<Long> published = new ArrayList<>();
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        for (var entry : inFlight.entrySet()) {
            PendingEvent event = entry.getKey();
            try {
                entry.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (stoppedKeys.contains(event.orderingKey())) {
                    log.warn("outbox event {} of key {} was sent after an earlier one of its key failed",
                            event.eventId(), event.eventKey());
                }
                published.add(event.id());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.put(event, e);
                stoppedKeys.add(event.orderingKey());
            } catch (Exception e) {
                failed.put(event, e instanceof ExecutionException ? e.getCause() : e);
                stoppedKeys.add(event.orderingKey());
            }
        }
        if (!published.isEmpty()) {
            jdbc.sql("update outbox_event set published_at = now() where id in (:ids)").param("ids", published).update();
        }
        int parked = 0;
        boolean retryLater = false;
        for (var entry : failed.entrySet()) {
            PendingEvent event = entry.getKey();
            Throwable error = entry.getValue();
            if (neverSendable(error)) {
                parked++;
                log.error("outbox event {} ({} to {}, key {}) can never be sent and is parked; later events of its key"
                        + " wait until it is released: {}", event.eventId(), event.eventType(), event.topic(),
                        event.eventKey(), error.toString());
                jdbc.sql("""
                        update outbox_event set parked_at = now(), park_reason = :reason, attempts = attempts + 1,
                            last_error = :reason where id = :id
                        """).param("reason", describe(error)).param("id", event.id()).update();
            } else {
                retryLater = true;
                log.warn("outbox event {} ({} to {}) not sent yet: {}", event.eventId(), event.eventType(),
                        event.topic(), error.toString());
                jdbc.sql("update outbox_event set attempts = attempts + 1, last_error = :error where id = :id")
                        .param("error", describe(error)).param("id", event.id()).update();
            }
        }
        return new Batch(pending.size(), published.size(), parked, retryLater);
    }

    /** Failures that no retry of the same bytes to the same topic can cure. */
    static boolean neverSendable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
                    || t instanceof SerializationException || t instanceof AuthorizationException
                    || t instanceof InvalidTopicException || t instanceof InvalidRecordException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root == error ? error.toString() : error + " (" + root + ")";
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    private static Throwable failure(CompletableFuture<?> failed) {
        try {
            failed.join();
            return new IllegalStateException("not failed");
        } catch (Exception e) {
            return e.getCause() == null ? e : e.getCause();
        }
    }

    /** Events not yet sent and free to go; exposed as the gauge {@code outbox.pending}. */
    public long pendingCount() {
        return jdbc.sql("select count(*) from outbox_event where published_at is null and parked_at is null")
                .query(Long.class).single();
    }

    /** Events parked as never sendable; exposed as the gauge {@code outbox.parked}. */
    public long parkedCount() {
        return jdbc.sql("select count(*) from outbox_event where published_at is null and parked_at is not null")
                .query(Long.class).single();
    }

    @Scheduled(fixedDelayString = "${carbonsink.outbox.cleanup-interval:1h}", initialDelayString = "1m")
    public void deletePublishedOlderThanRetention() {
        int deleted = jdbc.sql("delete from outbox_event where published_at < now() - make_interval(secs => :secs)")
                .param("secs", retention.toSeconds()).update();
        if (deleted > 0) {
            log.info("deleted {} published outbox events older than {}", deleted, retention);
        }
    }

    private static final RowMapper<PendingEvent> PENDING = (rs, row) -> new PendingEvent(rs.getLong("id"),
            rs.getString("topic"), rs.getString("event_key"), rs.getString("event_type"),
            rs.getObject("event_id", UUID.class), rs.getString("payload"), rs.getString("correlation_id"),
            rs.getString("trace_parent"));

    record PendingEvent(long id, String topic, String eventKey, String eventType, UUID eventId, String payload,
            String correlationId, String traceParent) {

        String orderingKey() {
            return topic + '\u0000' + eventKey;
        }

        ProducerRecord<String, String> toRecord() {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, eventKey, payload);
            record.headers().add(EventHeaders.EVENT_TYPE, eventType.getBytes(StandardCharsets.UTF_8));
            record.headers().add(EventHeaders.EVENT_ID, eventId.toString().getBytes(StandardCharsets.UTF_8));
            if (correlationId != null) {
                record.headers().add(EventHeaders.CORRELATION_ID, correlationId.getBytes(StandardCharsets.UTF_8));
            }
            return record;
        }
    }
}
