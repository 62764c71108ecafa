package org.carbonsink.support.inbox;

import java.time.Duration;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.carbonsink.support.jdbc.Pipeline;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The record of which events each consumer has already applied. */
public class Inbox {

    private static final String RECORD = "insert into inbox_event (consumer, event_id, event_type) values (?, ?, ?) "
            + "on conflict do nothing";

    private final JdbcClient jdbc;
    private final Duration retention;

    /**
     * {@code retention} must be longer than the brokers keep messages: an event redelivered after
     * its inbox row is gone would be applied again.
     */
    public Inbox(JdbcClient jdbc, Duration retention) {
        this.jdbc = jdbc;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${carbonsink.inbox.cleanup-interval:6h}", initialDelayString = "5m")
    public void forgetOldEvents() {
        jdbc.sql("delete from inbox_event where received_at < now() - make_interval(secs => :secs)")
                .param("secs", retention.toSeconds()).update();
    }

    /**
     * Records the event for the consumer in the caller's transaction; answers false when it was
     * recorded before, in which case the caller must change nothing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(String consumer, UUID eventId, String eventType) {
        return jdbc.sql(RECORD).params(consumer, eventId, eventType).update() == 1;
    }

    /**
     * As {@link #firstDelivery(String, UUID, String)}, as the next statement of {@code pipeline}, which the
     * caller runs in its transaction; once it ran, {@code recorded} is given 1 if this was the event's first
     * delivery, 0 if it was recorded before (and may throw to refuse the run).
     */
    public void firstDelivery(Pipeline pipeline, String consumer, UUID eventId, String eventType, IntConsumer recorded) {
        pipeline.updateChecked(RECORD, recorded, consumer, eventId, eventType);
    }
}
