package org.carbonsink.support.outbox;

import java.nio.charset.StandardCharsets;
import org.carbonsink.support.jdbc.Pipeline;
import org.carbonsink.support.messaging.Events;
import org.carbonsink.support.tracing.TraceContexts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an event to the outbox table in the caller's transaction; {@link OutboxRelay} sends it
 * to Kafka after the commit. The event is a record with a {@code UUID eventId} component.
 *
 * <p>The commit wakes the relay: in this JVM through an after-commit callback, and in every other
 * instance on the same database through a PostgreSQL {@code NOTIFY} on {@link #CHANNEL}, which
 * PostgreSQL delivers only when the transaction commits. Polling is only the fallback.
 */
public class Outbox {

    /** The largest event payload written, in UTF-8 bytes: far below Kafka's default message limit of 1 MiB. */
    public static final int MAX_PAYLOAD_BYTES = 256 * 1024;

    /** The event's payload is larger than {@link #MAX_PAYLOAD_BYTES}; nothing was written. */
    public static final class EventTooLarge extends IllegalArgumentException {
        EventTooLarge(String message) {
            super(message);
        }
    }

    /** The PostgreSQL notification channel the relays listen on. */
    public static final String CHANNEL = "carbonsink_outbox";

    /**
     * One round trip. Ids are drawn at insert, rows become visible at commit: without the lock two
     * transactions could commit events of one key out of id order, and the relay would send them in
     * that wrong order. The lock is taken in a materialized CTE the insert selects from, so it is held
     * before the row's id is drawn (EXPLAIN: nextval is in the projection above the CTE's scan), and to
     * the end of the transaction. The first event of a transaction also sends the NOTIFY, which
     * PostgreSQL delivers at commit. Parameters: {@link #row}.
     */
    private static final String INSERT = """
            with locked as materialized (select pg_advisory_xact_lock(hashtext(? || '/' || ?))),
                notified as materialized (select pg_notify(?, ?) where ?)
            insert into outbox_event (event_id, topic, event_key, event_type, payload, correlation_id,
                trace_parent)
            select ?, ?, ?, ?, ?, ?, ?
            from locked left join notified on true
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Runnable onCommit;
    private final boolean notify;
    private final String notifier;
    private final TraceContexts traces;

    /**
     * {@code onCommit} runs after each transaction that published; {@code notify} adds the NOTIFY;
     * {@code traces} gives the trace context stored with each event.
     */
    public Outbox(JdbcClient jdbc, JsonMapper json, Runnable onCommit, boolean notify, TraceContexts traces) {
        this(jdbc, json, onCommit, notify, "", traces);
    }

    /**
     * As above; {@code notifier} is the payload of the NOTIFY: the {@link OutboxRelay#id()} of the relay
     * that {@code onCommit} wakes, whose own listener then leaves it be.
     */
    public Outbox(JdbcClient jdbc, JsonMapper json, Runnable onCommit, boolean notify, String notifier,
            TraceContexts traces) {
        this.jdbc = jdbc;
        this.json = json;
        this.onCommit = onCommit;
        this.notify = notify;
        this.notifier = notifier;
        this.traces = traces;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(String topic, Object key, Record event) {
        jdbc.sql(INSERT).params(row(topic, key, event)).update();
    }

    /**
     * As {@link #publish(String, Object, Record)}, but the event's statement is added to {@code writes},
     * which the caller runs in this transaction: after statements of its own, in the same round trip.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(Pipeline writes, String topic, Object key, Record event) {
        writes.update(INSERT, row(topic, key, event));
    }

    /** The parameters of {@link #INSERT} for the event. */
    private Object[] row(String topic, Object key, Record event) {
        String payload = json.writeValueAsString(event);
        int bytes = payload.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_PAYLOAD_BYTES) {
            // refused in the writer's transaction, which rolls back: a row the broker would refuse for
            // ever would otherwise be parked and hold back every later event of its key
            throw new EventTooLarge(event.getClass().getSimpleName() + " " + Events.idOf(event) + " is " + bytes
                    + " bytes; the outbox takes events of at most " + MAX_PAYLOAD_BYTES
                    + " bytes (summarise lists that grow with history)");
        }
        boolean first = firstOfTransaction();
        // the trace id is the correlation id users see in X-Correlation-Id
        return new Object[] { topic, key.toString(), CHANNEL, notifier, notify && first, Events.idOf(event), topic,
                key.toString(), event.getClass().getSimpleName(), payload, traces.currentTraceId(), traces.current() };
    }

    /**
     * Whether this is the transaction's first event: if so, its commit will wake the relay in this JVM
     * (once per transaction, however many events it publishes).
     */
    private boolean firstOfTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.hasResource(this)) {
            return false;
        }
        TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                onCommit.run();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(Outbox.this);
            }
        });
        return true;
    }
}
