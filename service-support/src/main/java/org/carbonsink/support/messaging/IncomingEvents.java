package org.carbonsink.support.messaging;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.carbonsink.contracts.EventHeaders;
import org.carbonsink.support.inbox.Inbox;
import org.carbonsink.support.jdbc.Pipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads events off Kafka records and applies each once per consumer: the inbox row and the
 * handler's effect commit together, so a redelivered event changes nothing.
 */
public class IncomingEvents {

    private static final Logger log = LoggerFactory.getLogger(IncomingEvents.class);

    private final JsonMapper json;
    private final Inbox inbox;
    private final TransactionTemplate tx;

    public IncomingEvents(JsonMapper json, Inbox inbox, TransactionTemplate tx) {
        // Contracts change additively: a field this consumer does not know yet is no reason to
        // dead-letter the event (HTTP requests, in contrast, refuse unknown fields).
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.inbox = inbox;
        this.tx = tx;
    }

    /** Handlers for one consumer; {@code consumer} names it in the inbox. */
    public Handlers consumer(String consumer) {
        return new Handlers(consumer);
    }

    public final class Handlers {

        private final String consumer;
        private final Map<String, Handler<?>> byType = new HashMap<>();

        private Handlers(String consumer) {
            this.consumer = consumer;
        }

        public <E extends Record> Handlers on(Class<E> type, Consumer<E> handler) {
            byType.put(type.getSimpleName(), new Handler<>(type, (event, none) -> handler.accept(event), false));
            return this;
        }

        /**
         * As {@link #on}, for a handler whose first statements go in one round trip with the inbox's record
         * of the event: it is given a pipeline that holds that record, adds its statements to it and runs it
         * before any other statement. Run on an event applied before, the pipeline throws, and the
         * transaction rolls back having changed nothing; a handler that does not run it is refused.
         */
        public <E extends Record> Handlers onPipelined(Class<E> type, BiConsumer<E, Pipeline> handler) {
            byType.put(type.getSimpleName(), new Handler<>(type, handler, true));
            return this;
        }

        /** Applies the record's event unless this consumer applied it before; ignores types it does not handle. */
        public void handle(ConsumerRecord<String, String> record) {
            String type = header(record, EventHeaders.EVENT_TYPE);
            if (type == null) {
                throw new UnreadableEvent("record at " + record.topic() + "-" + record.partition() + "@"
                        + record.offset() + " has no " + EventHeaders.EVENT_TYPE + " header", null);
            }
            Handler<?> handler = byType.get(type);
            if (handler == null) {
                log.debug("{} ignores {} from {}", consumer, type, record.topic());
                return;
            }
            // the listener container's observation continues the trace of the record's traceparent
            handler.apply(record);
        }

        private final class Handler<E extends Record> {
            private final Class<E> type;
            private final BiConsumer<E, Pipeline> effect;
            private final boolean pipelined;

            Handler(Class<E> type, BiConsumer<E, Pipeline> effect, boolean pipelined) {
                this.type = type;
                this.effect = effect;
                this.pipelined = pipelined;
            }

            void apply(ConsumerRecord<String, String> record) {
                E event;
                try {
                    event = json.readValue(record.value(), type);
                } catch (JacksonException | IllegalArgumentException e) {
                    throw new UnreadableEvent("cannot read " + type.getSimpleName() + " at " + record.topic() + "-"
                            + record.partition() + "@" + record.offset() + ": " + e.getMessage(), e);
                }
                UUID eventId = Events.idOf(event);
                try {
                    tx.executeWithoutResult(status -> {
                        if (pipelined) {
                            applyPipelined(event, eventId);
                        } else if (inbox.firstDelivery(consumer, eventId, type.getSimpleName())) {
                            effect.accept(event, null);
                        } else {
                            log.info("{} already applied {} {}", consumer, type.getSimpleName(), eventId);
                        }
                    });
                } catch (AppliedBefore e) {
                    log.info("{} already applied {} {}", consumer, type.getSimpleName(), eventId);
                }
            }

            private void applyPipelined(E event, UUID eventId) {
                boolean[] recorded = { false };
                Pipeline first = new Pipeline();
                inbox.firstDelivery(first, consumer, eventId, type.getSimpleName(), inserted -> {
                    recorded[0] = true;
                    if (inserted == 0) {
                        throw new AppliedBefore();
                    }
                });
                effect.accept(event, first);
                if (!recorded[0]) {
                    // without the inbox's row a redelivery would apply the event again
                    throw new IllegalStateException(consumer + " handled " + type.getSimpleName() + " " + eventId
                            + " without running the pipeline that records it in the inbox");
                }
            }
        }
    }

    /** The event was recorded in the inbox before: its transaction rolls back, having changed nothing. */
    private static final class AppliedBefore extends RuntimeException {
        AppliedBefore() {
            super(null, null, false, false);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
