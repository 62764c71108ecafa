package org.carbonsink.client;

import java.net.http.HttpRequest;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What the generated clients add to every request: the caller's bearer token, and an
 * {@code Idempotency-Key} on every POST that has none, so that no caller forgets it on a command that
 * cannot be undone (a retry with the same key runs the command once; docs/reliability.md). And the
 * client reads JSON: the descriptions offer most answers as any type, and lists also as CSV, which a
 * service may then choose; the client asks for JSON (and problem details) instead.
 */
final class RequestHeaders implements Consumer<HttpRequest.Builder> {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String JSON = "application/json, application/problem+json";

    private final String accessToken;
    private final String idempotencyKey;

    /** {@code accessToken} may be null (public reads); {@code idempotencyKey} null makes a fresh one per POST. */
    RequestHeaders(String accessToken, String idempotencyKey) {
        this.accessToken = accessToken;
        this.idempotencyKey = idempotencyKey;
    }

    @Override
    public void accept(HttpRequest.Builder request) {
        if (accessToken != null) {
            request.setHeader("Authorization", "Bearer " + accessToken);
        }
        // the builder shows nothing of itself; a copy built on the side does
        HttpRequest sofar = request.copy().build();
        String accept = sofar.headers().firstValue("Accept").orElse("*/*");
        // the generator lists every type a response may have, the problems' application/problem+json too
        if (accept.contains("*/*") || accept.contains("text/csv")) {
            request.setHeader("Accept", JSON);
        }
        if ("POST".equals(sofar.method()) && sofar.headers().firstValue(IDEMPOTENCY_KEY).isEmpty()) {
            request.setHeader(IDEMPOTENCY_KEY, idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString());
        }
    }
}
