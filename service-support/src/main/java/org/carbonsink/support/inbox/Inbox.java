package org.carbonsink.support.inbox;

import java.time.Duration;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The record of which events each consumer has already applied. */
public class Inbox {

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
        return jdbc.sql("""
                insert into inbox_event (consumer, event_id, event_type) values (:consumer, :eventId, :type)
                on conflict do nothing
                """).param("consumer", consumer).param("eventId", eventId).param("type", eventType).update() == 1;
    }
}
