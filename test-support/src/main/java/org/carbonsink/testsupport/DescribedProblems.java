package org.carbonsink.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Reads the problems an OpenAPI description lists for an operation, and holds the description to what
 * the service answers: a read whose path names something that does not exist must answer 404 exactly
 * where the description says it may.
 */
public final class DescribedProblems {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private DescribedProblems() {
    }

    /** The statuses the description lists for {@code method} {@code path} ({@code "201"}, {@code "404"}, ...). */
    public static Set<String> statuses(JsonNode api, String method, String path) {
        JsonNode operation = api.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            throw new AssertionError("the description has no " + method + " " + path);
        }
        return new TreeSet<>(operation.path("responses").propertyNames());
    }

    /**
     * Calls every GET with ids in its path, as {@code caller}, with ids that name nothing (a random UUID,
     * a number no one uses, a code no one has), and lists each whose answer disagrees with its
     * description about 404. A 403 tells nothing (only the holder of the id may look, and that is checked
     * first), so it is not counted against the description.
     */
    public static List<String> readsOfUnknownIdsDisagreeing(JsonNode api, ApiClient caller) {
        List<String> disagreements = new ArrayList<>();
        api.path("paths").properties().forEach(entry -> {
            String path = entry.getKey();
            JsonNode get = entry.getValue().path("get");
            if (!path.contains("{") || get.isMissingNode()) {
                return;
            }
            String concrete = path;
            for (JsonNode parameter : get.path("parameters")) {
                if ("path".equals(parameter.path("in").asString())) {
                    concrete = concrete.replace("{" + parameter.path("name").asString() + "}", unknown(parameter.path("schema")));
                }
            }
            boolean described = get.path("responses").has("404");
            int answered = caller.get(concrete).status();
            if (answered != 403 && described != (answered == 404)) {
                disagreements.add("GET " + path + ": " + (described ? "lists" : "does not list") + " 404, answered "
                        + answered + " for " + concrete);
            }
        });
        return disagreements;
    }

    /**
     * Calls every operation of the description as each of {@code callers} (named for the report), with
     * ids that name nothing in its path and an empty JSON object as its body where it takes one, and
     * lists each answer of 4xx or 5xx that the operation's description does not list: what a client
     * generated from the description must be ready for is what the service answers. Such calls change
     * nothing: each is refused, or finds nothing to act on.
     */
    public static List<String> answersNotDescribed(JsonNode api, Map<String, ApiClient> callers) {
        List<String> undescribed = new ArrayList<>();
        api.path("paths").properties().forEach(entry -> entry.getValue().properties().forEach(operation -> {
            String method = operation.getKey().toUpperCase(Locale.ROOT);
            if (!METHODS.contains(method)) {
                return;
            }
            String concrete = entry.getKey();
            for (JsonNode parameter : operation.getValue().path("parameters")) {
                if ("path".equals(parameter.path("in").asString())) {
                    concrete = concrete.replace("{" + parameter.path("name").asString() + "}",
                            unknown(parameter.path("schema")));
                }
            }
            String body = operation.getValue().has("requestBody") ? "{}" : null;
            JsonNode responses = operation.getValue().path("responses");
            for (Map.Entry<String, ApiClient> caller : callers.entrySet()) {
                int answered = caller.getValue().send(method, concrete, body).status();
                if (answered >= 400 && !responses.has(String.valueOf(answered))) {
                    undescribed.add(method + " " + entry.getKey() + " as " + caller.getKey() + ": answered " + answered
                            + ", lists " + new TreeSet<>(responses.propertyNames()));
                }
            }
        }));
        return undescribed;
    }

    private static String unknown(JsonNode schema) {
        if (schema.hasNonNull("example")) {
            // a parameter of a form no generated text meets names one that identifies nothing as its example
            return schema.path("example").asString();
        }
        if ("uuid".equals(schema.path("format").asString())) {
            return UUID.randomUUID().toString();
        }
        if ("integer".equals(schema.path("type").asString())) {
            return "987654321";
        }
        return "no-such-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
