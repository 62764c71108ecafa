package org.carbonsink.support.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.carbonsink.contracts.EventHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends outbox rows to Kafka in id order and marks them published. A row that cannot be sent
 * (broker unreachable, timeout) stays pending and is tried again on the next poll, with the rows
 * after it, so per-key order holds. Delivery is at least once: a crash after the send and before
 * the mark sends the row again, which consumers' inboxes absorb.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x0c0ffee0L;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final KafkaTemplate<String, String> kafka;
    private final int batchSize;
    private final Duration sendTimeout;
    private final Duration retention;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate tx, KafkaTemplate<String, String> kafka, int batchSize,
            Duration sendTimeout, Duration retention) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.kafka = kafka;
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${carbonsink.outbox.poll-interval:100ms}")
    public void relayPending() {
        int sent;
        do {
            sent = relayBatch();
        } while (sent == batchSize);
    }

    /** Sends up to one batch; answers how many rows were sent. */
    public int relayBatch() {
        Integer sent = tx.execute(status -> {
            // one relay at a time per database, or a second instance could overtake the first
            boolean alone = jdbc.sql("select pg_try_advisory_xact_lock(:lock)").param("lock", RELAY_LOCK)
                    .query(Boolean.class).single();
            if (!alone) {
                return 0;
            }
            List<PendingEvent> pending = jdbc.sql("""
                    select id, topic, event_key, event_type, event_id, payload, correlation_id
                    from outbox_event where published_at is null order by id limit :limit for update
                    """).param("limit", batchSize).query(PendingEvent.class).list();
            List<Long> published = new ArrayList<>();
            for (PendingEvent event : pending) {
                try {
                    kafka.send(event.toRecord()).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
                    published.add(event.id());
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    log.warn("outbox event {} ({} to {}) not sent yet: {}", event.eventId(), event.eventType(),
                            event.topic(), e.toString());
                    jdbc.sql("update outbox_event set attempts = attempts + 1, last_error = :error where id = :id")
                            .param("error", e.toString()).param("id", event.id()).update();
                    break;
                }
            }
            if (!published.isEmpty()) {
                jdbc.sql("update outbox_event set published_at = now() where id in (:ids)")
                        .param("ids", published).update();
            }
            return published.size();
        });
        return sent == null ? 0 : sent;
    }

    /** Events not yet sent; exposed as the gauge {@code outbox.pending}. */
    public long pendingCount() {
        return jdbc.sql("select count(*) from outbox_event where published_at is null").query(Long.class).single();
    }

    @Scheduled(fixedDelayString = "${carbonsink.outbox.cleanup-interval:1h}", initialDelayString = "1m")
    public void deletePublishedOlderThanRetention() {
        int deleted = jdbc.sql("delete from outbox_event where published_at < now() - make_interval(secs => :secs)")
                .param("secs", retention.toSeconds()).update();
        if (deleted > 0) {
            log.info("deleted {} published outbox events older than {}", deleted, retention);
        }
    }

    record PendingEvent(long id, String topic, String eventKey, String eventType, java.util.UUID eventId,
            String payload, String correlationId) {

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
