package org.carbonsink.support.outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Outbox rows parked as never sendable, and their release by an administrator after a fix. */
public class ParkedEvents {

    private final JdbcClient jdbc;
    private final OutboxRelay relay;

    public ParkedEvents(JdbcClient jdbc, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.relay = relay;
    }

    /** A parked row, with how many later rows of its topic and key wait behind it. */
    public record ParkedEvent(long id, UUID eventId, String topic, String eventKey, String eventType,
            Instant createdAt, Instant parkedAt, String parkReason, int attempts, long waitingBehind) {
    }

    public List<ParkedEvent> list() {
        return jdbc.sql("""
                select p.id, p.event_id, p.topic, p.event_key, p.event_type, p.created_at, p.parked_at, p.park_reason,
                       p.attempts,
                       (select count(*) from outbox_event w where w.published_at is null and w.topic = p.topic
                          and w.event_key = p.event_key and w.id > p.id) as waiting_behind
                from outbox_event p where p.published_at is null and p.parked_at is not null order by p.id
                """).query(ParkedEvent.class).list();
    }

    /**
     * Puts a parked row back in line, first of its key; answers false when no such row is parked.
     * The relay is woken once the release is committed (the statement commits on its own).
     */
    public boolean release(long id, String releasedBy) {
        boolean released = jdbc.sql("""
                update outbox_event set parked_at = null, released_at = now(), released_by = :by
                where id = :id and parked_at is not null and published_at is null
                """).param("by", releasedBy).param("id", id).update() == 1;
        if (released) {
            relay.wakeUp();
        }
        return released;
    }
}
