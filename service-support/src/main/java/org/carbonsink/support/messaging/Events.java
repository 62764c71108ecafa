package org.carbonsink.support.messaging;

import java.lang.reflect.RecordComponent;
import java.util.UUID;

/** What the outbox and the inbox need to know of an event record. */
public final class Events {

    private Events() {
    }

    /** The record's {@code UUID eventId} component; an event without one cannot be sent or deduplicated. */
    public static UUID idOf(Record event) {
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            if (component.getName().equals("eventId") && component.getType() == UUID.class) {
                UUID id;
                try {
                    var accessor = component.getAccessor();
                    accessor.setAccessible(true);
                    id = (UUID) accessor.invoke(event);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                if (id == null) {
                    throw new UnreadableEvent(event.getClass().getSimpleName() + " has a null eventId", null);
                }
                return id;
            }
        }
        throw new IllegalArgumentException(event.getClass().getSimpleName() + " has no UUID eventId component");
    }
}
