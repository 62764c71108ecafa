package org.carbonsink.localstack.faults;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Function;
import java.util.function.Supplier;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.TokenClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's access token for a run longer than the token lives (the authorization server gives 15
 * minutes): logged in again shortly before the token's own expiry, and at once, for one more try,
 * when a service answers 401 to it (a clock that disagrees, an auth server restarted with new keys).
 * Shared by the driver's threads.
 */
final class RefreshingToken {

    /** Logged in again this long before the expiry, so no request sets off with a token about to lapse. */
    static final Duration MARGIN = Duration.ofMinutes(2);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Supplier<String> login;
    private final Clock clock;
    private String token;
    private Instant renewAt;

    RefreshingToken(Supplier<String> login, Clock clock) {
        this.login = login;
        this.clock = clock;
    }

    /** The user's token through the login form, as a person gets it. */
    static RefreshingToken login(String authServerUrl, String username, String password) {
        return new RefreshingToken(() -> TokenClient.login(authServerUrl, username, password), Clock.systemUTC());
    }

    /** A token that is valid for at least {@link #MARGIN} more, logging in again if needed. */
    synchronized String current() {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            token = login.get();
            renewAt = expiry(token).minus(MARGIN);
        }
        return token;
    }

    /**
     * A service refused {@code refused}: the next {@link #current} logs in again, unless another thread
     * has already replaced that token.
     */
    synchronized void refused(String refused) {
        if (refused.equals(token)) {
            token = null;
        }
    }

    /** Sends {@code request} with the current token; on a 401, once more with a fresh one. */
    ApiClient.Response send(ApiClient client, Function<ApiClient, ApiClient.Response> request) {
        String used = current();
        ApiClient.Response response = request.apply(client.withToken(used));
        if (response.status() != 401) {
            return response;
        }
        refused(used);
        return request.apply(client.withToken(current()));
    }

    /** The {@code exp} claim of a JWT; the signature is the services' business, not the client's. */
    static Instant expiry(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a JWT: " + jwt);
        }
        JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        JsonNode exp = claims.path("exp");
        if (!exp.isNumber()) {
            throw new IllegalArgumentException("the token has no exp claim: " + claims);
        }
        return Instant.ofEpochSecond(exp.asLong());
    }
}
