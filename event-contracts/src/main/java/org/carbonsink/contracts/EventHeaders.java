package org.carbonsink.contracts;

/** Kafka record headers every event carries. Values are UTF-8 strings. */
public final class EventHeaders {

    /** The simple name of the event record, e.g. {@code CreditsIssued}. */
    public static final String EVENT_TYPE = "event-type";
    /** The event id, the same as the record's {@code eventId}. */
    public static final String EVENT_ID = "event-id";
    /**
     * The correlation id of the request that caused the event (HTTP header {@code X-Correlation-Id}):
     * its trace id. The record also carries the W3C {@code traceparent} of that trace.
     */
    public static final String CORRELATION_ID = "correlation-id";

    private EventHeaders() {
    }
}
