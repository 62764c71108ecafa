package org.carbonsink.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small JSON-over-HTTP client for tests that call a service or the gateway as a user would:
 * real HTTP, real status codes, the body as a JSON tree. Like a well-behaved client, it sends a fresh
 * {@code Idempotency-Key} with every POST, PUT, PATCH and DELETE that has none, since the services
 * refuse commands that cannot be undone without one (428); {@link #withIdempotencyKey} sets the key
 * a retry repeats, {@link #withoutIdempotencyKey} leaves it out.
 */
public final class ApiClient {

    // HTTP/1.1 as curl speaks it: no h2c upgrade attempts on plain-text connections
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    // decimals stay exact: money and tonnes are compared as BigDecimal, never through double
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Set<String> COMMANDS = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final String baseUrl;
    private final Map<String, String> headers;
    private final boolean freshKeys;

    public ApiClient(String baseUrl) {
        this(baseUrl, Map.of(), true);
    }

    private ApiClient(String baseUrl, Map<String, String> headers, boolean freshKeys) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.headers = headers;
        this.freshKeys = freshKeys;
    }

    /** The base URL requests go to, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The same client with one more header on every request. */
    public ApiClient withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiClient(baseUrl, more, freshKeys);
    }

    /** Every request with this key, as a client retrying one command sends it. */
    public ApiClient withIdempotencyKey(String key) {
        return withHeader(IDEMPOTENCY_KEY, key);
    }

    /** Commands without any {@code Idempotency-Key}, as a careless client sends them. */
    public ApiClient withoutIdempotencyKey() {
        Map<String, String> fewer = new LinkedHashMap<>(headers);
        fewer.keySet().removeIf(IDEMPOTENCY_KEY::equalsIgnoreCase);
        return new ApiClient(baseUrl, fewer, false);
    }

    /** Requests with this bearer token. */
    public ApiClient withToken(String accessToken) {
        return withHeader("Authorization", "Bearer " + accessToken);
    }

    /** Requests on behalf of a participant with the given roles, with a valid token of {@link TestTokens}. */
    public ApiClient as(UUID participantId, String... roles) {
        return withToken(TestTokens.forParticipant(participantId, roles));
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body);
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    public Response send(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        headers.forEach(request::header);
        if (freshKeys && COMMANDS.contains(method) && headers.keySet().stream().noneMatch(IDEMPOTENCY_KEY::equalsIgnoreCase)) {
            request.header(IDEMPOTENCY_KEY, UUID.randomUUID().toString());
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(text));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response: status, raw body, headers, and the body as JSON. */
    public record Response(int status, String body, Map<String, java.util.List<String>> headers) {

        public JsonNode json() {
            return body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        /** The body as JSON, after checking the status; the message shows the body when it differs. */
        public JsonNode expect(int expectedStatus) {
            if (status != expectedStatus) {
                throw new AssertionError("expected HTTP " + expectedStatus + " but got " + status + ": " + body);
            }
            return json();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
