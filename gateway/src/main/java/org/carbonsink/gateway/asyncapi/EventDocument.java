package org.carbonsink.gateway.asyncapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.carbonsink.contracts.EventHeaders;
import org.carbonsink.contracts.Topics;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The AsyncAPI 3.0 document of the Kafka events, made from the code of {@code event-contracts}: a
 * channel per topic of {@link Topics#CHANNELS}, a message per event record with a JSON schema read off
 * the record's components, and the record's JSON fixture as the message's example. Nothing in it is
 * written by hand, so it cannot drift from the records the services send.
 */
public final class EventDocument {

    static final String ASYNCAPI_VERSION = "3.0.0";
    static final String KAFKA_BINDING_VERSION = "0.5.0";
    private static final String EXAMPLE_CORRELATION_ID = "7d3f0c2e-5b1a-4e8f-9a6b-2c4d6e8f0a1b";

    // decimals stay as the fixtures write them (tCO2e, hectares, money)
    private final JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** {@code broker} is the bootstrap address named as the document's server. */
    public ObjectNode build(String broker) {
        ObjectNode document = json.createObjectNode();
        document.put("asyncapi", ASYNCAPI_VERSION);
        document.putObject("info").put("title", "Carbon sink credit registry and exchange: events")
                .put("version", "v1")
                .put("description", "The events the services exchange over Kafka. Each record carries the headers "
                        + EventHeaders.EVENT_TYPE + " (the message name), " + EventHeaders.EVENT_ID + " and "
                        + EventHeaders.CORRELATION_ID + "; consumers keep the event id, so a redelivered event "
                        + "changes nothing. A message a consumer cannot read goes to <topic>"
                        + Topics.DEAD_LETTER_SUFFIX + ". Changes are additive; a breaking change is a new record "
                        + "on a .v2 topic.");
        document.put("defaultContentType", "application/json");
        document.putObject("servers").putObject("kafka").put("host", broker).put("protocol", "kafka")
                .put("description", "The broker (KAFKA_BOOTSTRAP_SERVERS)");
        ObjectNode channels = document.putObject("channels");
        ObjectNode operations = document.putObject("operations");
        ObjectNode components = document.putObject("components");
        ObjectNode messages = components.putObject("messages");
        ObjectNode schemas = components.putObject("schemas");
        schemas.set("EventHeaders", headersSchema());
        for (Topics.Channel channel : Topics.CHANNELS) {
            String owner = channel.topic().substring(0, channel.topic().indexOf('.'));
            ObjectNode node = channels.putObject(channel.topic());
            node.put("address", channel.topic());
            node.put("description", "Topic of the " + owner + " service; records keyed by " + channel.key()
                    + ", so their order holds per " + channel.key() + ".");
            node.putObject("bindings").putObject("kafka").put("topic", channel.topic())
                    .put("bindingVersion", KAFKA_BINDING_VERSION);
            ObjectNode channelMessages = node.putObject("messages");
            ObjectNode operation = operations.putObject(channel.topic() + ".send");
            operation.put("action", "send");
            operation.putObject("channel").put("$ref", "#/channels/" + channel.topic());
            operation.put("summary", "The " + owner + " service's events on " + channel.topic());
            for (Class<? extends Record> event : channel.events()) {
                String name = event.getSimpleName();
                channelMessages.putObject(name).put("$ref", "#/components/messages/" + name);
                operation.withArray("messages").addObject()
                        .put("$ref", "#/channels/" + channel.topic() + "/messages/" + name);
                messages.set(name, message(event, channel));
                addSchema(schemas, event);
            }
        }
        return document;
    }

    private ObjectNode message(Class<? extends Record> event, Topics.Channel channel) {
        String name = event.getSimpleName();
        JsonNode fixture = fixture(event);
        ObjectNode message = json.createObjectNode();
        message.put("name", name);
        message.put("title", name);
        message.put("contentType", "application/json");
        message.putObject("headers").put("$ref", "#/components/schemas/EventHeaders");
        message.putObject("payload").put("$ref", "#/components/schemas/" + name);
        message.putObject("bindings").putObject("kafka").put("bindingVersion", KAFKA_BINDING_VERSION)
                .putObject("key").put("type", "string").put("format", "uuid").put("description", channel.key());
        ObjectNode example = message.withArray("examples").addObject();
        example.put("name", name);
        example.put("summary", "event-contracts fixture " + name + ".json");
        example.putObject("headers").put(EventHeaders.EVENT_TYPE, name)
                .put(EventHeaders.EVENT_ID, fixture.get("eventId").asString())
                .put(EventHeaders.CORRELATION_ID, EXAMPLE_CORRELATION_ID);
        example.set("payload", fixture);
        return message;
    }

    private ObjectNode headersSchema() {
        ObjectNode schema = json.createObjectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject(EventHeaders.EVENT_TYPE).put("type", "string")
                .put("description", "The simple name of the event record, e.g. CreditsIssued");
        properties.putObject(EventHeaders.EVENT_ID).put("type", "string").put("format", "uuid")
                .put("description", "The event id, the same as the payload's eventId");
        properties.putObject(EventHeaders.CORRELATION_ID).put("type", "string")
                .put("description", "The correlation id of the request that caused the event (X-Correlation-Id)");
        schema.putArray("required").add(EventHeaders.EVENT_TYPE).add(EventHeaders.EVENT_ID);
        return schema;
    }

    /** The record's schema, and those of the records it contains, under their simple names. */
    private void addSchema(ObjectNode schemas, Class<?> record) {
        if (schemas.has(record.getSimpleName())) {
            return;
        }
        ObjectNode schema = schemas.putObject(record.getSimpleName()).put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        for (RecordComponent component : record.getRecordComponents()) {
            properties.set(component.getName(), schemaOf(component.getGenericType(), schemas));
        }
    }

    private ObjectNode schemaOf(Type type, ObjectNode schemas) {
        ObjectNode schema = json.createObjectNode();
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            schema.put("type", "array").set("items", schemaOf(list.getActualTypeArguments()[0], schemas));
        } else if (type == UUID.class) {
            schema.put("type", "string").put("format", "uuid");
        } else if (type == Instant.class) {
            schema.put("type", "string").put("format", "date-time");
        } else if (type == LocalDate.class) {
            schema.put("type", "string").put("format", "date");
        } else if (type == String.class) {
            schema.put("type", "string");
        } else if (type == int.class || type == Integer.class) {
            schema.put("type", "integer").put("format", "int32");
        } else if (type == long.class || type == Long.class) {
            schema.put("type", "integer").put("format", "int64");
        } else if (type == boolean.class || type == Boolean.class) {
            schema.put("type", "boolean");
        } else if (type == BigDecimal.class) {
            // exact decimals: a JSON number, never read into a binary floating point
            schema.put("type", "number");
        } else if (type instanceof Class<?> nested && nested.isRecord()) {
            addSchema(schemas, nested);
            schema.put("$ref", "#/components/schemas/" + nested.getSimpleName());
        } else if (type instanceof Class<?> constants && constants.isEnum()) {
            schema.put("type", "string");
            for (Object constant : constants.getEnumConstants()) {
                schema.withArray("enum").add(((Enum<?>) constant).name());
            }
        } else {
            throw new IllegalStateException("No JSON schema for " + type + ": event records use JDK types only");
        }
        return schema;
    }

    private JsonNode fixture(Class<?> event) {
        String path = "fixtures/" + event.getSimpleName() + ".json";
        try (InputStream in = event.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("event-contracts has no fixture " + path);
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
