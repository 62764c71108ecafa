package org.carbonsink.support.messaging;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.carbonsink.contracts.EventHeaders;
import org.carbonsink.support.inbox.Inbox;
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
            byType.put(type.getSimpleName(), new Handler<>(type, handler));
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
            private final Consumer<E> effect;

            Handler(Class<E> type, Consumer<E> effect) {
                this.type = type;
                this.effect = effect;
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
                tx.executeWithoutResult(status -> {
                    if (inbox.firstDelivery(consumer, eventId, type.getSimpleName())) {
                        effect.accept(event);
                    } else {
                        log.info("{} already applied {} {}", consumer, type.getSimpleName(), eventId);
                    }
                });
            }
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
