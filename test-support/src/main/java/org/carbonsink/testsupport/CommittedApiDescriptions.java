package org.carbonsink.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI descriptions committed under {@code api-client/src/main/openapi/}, from which the Java
 * client is generated at build time. A service's test hands in what it serves: it must be the committed
 * description, or the client would be built against an API that no longer exists. With
 * {@code -D}{@value #REFRESH_PROPERTY}{@code =true} (scripts/refresh-api-client.sh) the served
 * description is written there instead.
 */
public final class CommittedApiDescriptions {

    public static final String REFRESH_PROPERTY = "carbonsink.api-descriptions.refresh";
    /**
     * The issuer the committed descriptions name (the local stack's); tests run with
     * {@link TestTokens#ISSUER}, which is put back to this one before comparing.
     */
    public static final String LOCAL_ISSUER = "http://127.0.0.1:9000";
    private static final int MAX_DIFFERENCES = 20;
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

    private CommittedApiDescriptions() {
    }

    /** Fails, naming the differences, when {@code served} is not the committed {@code <name>.json}. */
    public static void assertServedIsCommitted(String name, String served) {
        JsonNode actual = withoutIdempotencyKeys(JSON.readTree(served.replace(TestTokens.ISSUER, LOCAL_ISSUER)));
        Path file = file(name);
        if (Boolean.getBoolean(REFRESH_PROPERTY)) {
            write(file, JSON.writeValueAsString(actual) + "\n");
            return;
        }
        if (!Files.exists(file)) {
            throw new AssertionError("No committed OpenAPI description " + file + "; run scripts/refresh-api-client.sh");
        }
        JsonNode committed = JSON.readTree(read(file));
        List<String> differences = new ArrayList<>();
        compare("", committed, actual, differences);
        if (!differences.isEmpty()) {
            throw new AssertionError("The " + name + " API the service serves differs from " + file
                    + ", which the client in api-client is generated from. If the change is meant, run "
                    + "scripts/refresh-api-client.sh and commit the description. Differences (committed -> served):\n  "
                    + String.join("\n  ", differences));
        }
    }

    /**
     * The description without its {@code Idempotency-Key} header parameters: the generated client sends
     * the header itself on every POST (RequestHeaders), so its methods do not take one each.
     */
    private static JsonNode withoutIdempotencyKeys(JsonNode description) {
        description.path("paths").forEach(item -> item.forEach(operation -> {
            if (operation.path("parameters") instanceof ArrayNode parameters) {
                for (int i = parameters.size() - 1; i >= 0; i--) {
                    JsonNode parameter = parameters.get(i);
                    if ("header".equals(parameter.path("in").asString())
                            && ApiClient.IDEMPOTENCY_KEY.equalsIgnoreCase(parameter.path("name").asString())) {
                        parameters.remove(i);
                    }
                }
                if (parameters.isEmpty()) {
                    ((ObjectNode) operation).remove("parameters");
                }
            }
        }));
        return description;
    }

    private static void compare(String path, JsonNode committed, JsonNode served, List<String> differences) {
        if (differences.size() >= MAX_DIFFERENCES || committed.equals(served)) {
            return;
        }
        if (committed.isObject() && served.isObject()) {
            Set<String> names = new TreeSet<>(committed.propertyNames());
            names.addAll(served.propertyNames());
            for (String name : names) {
                String at = path + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!committed.has(name)) {
                    differences.add(at + ": only served");
                } else if (!served.has(name)) {
                    differences.add(at + ": no longer served");
                } else {
                    compare(at, committed.get(name), served.get(name), differences);
                }
            }
        } else if (committed.isArray() && served.isArray() && committed.size() == served.size()) {
            for (int i = 0; i < committed.size(); i++) {
                compare(path + "/" + i, committed.get(i), served.get(i), differences);
            }
        } else if (differences.size() < MAX_DIFFERENCES) {
            differences.add(path + ": " + abbreviated(committed) + " -> " + abbreviated(served));
        }
    }

    private static String abbreviated(JsonNode node) {
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }

    /** {@code <repository>/api-client/src/main/openapi/<name>.json}; tests run in their module's folder. */
    private static Path file(String name) {
        return Path.of(System.getProperty("basedir", ".")).resolve("../api-client/src/main/openapi/" + name + ".json")
                .normalize();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
