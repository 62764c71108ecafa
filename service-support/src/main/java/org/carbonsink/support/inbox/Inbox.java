package org.carbonsink.support.inbox;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The record of which events each consumer has already applied. */
public class Inbox {

    private final JdbcClient jdbc;

    public Inbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
