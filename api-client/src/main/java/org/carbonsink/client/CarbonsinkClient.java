package org.carbonsink.client;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Function;

/**
 * The registry, verification and trading APIs through one gateway, as one caller. The API classes are
 * generated; this sets them up: base paths under the gateway ({@code /api/<service>}), the caller's
 * bearer token, and an {@code Idempotency-Key} on every POST that has none. For example
 *
 * <pre>{@code
 * CarbonsinkClient owner = CarbonsinkClient.of("http://127.0.0.1:8080").as(accessToken);
 * ProjectView draft = owner.registry(ProjectApi::new).draft(design);
 * }</pre>
 *
 * <p>Immutable; {@link #as} and {@link #withIdempotencyKey} answer new clients. A call that does not
 * succeed throws the generated {@code ApiException} with the status and the problem details as body.
 */
public final class CarbonsinkClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String gatewayUrl;
    private final String accessToken;
    private final String idempotencyKey;

    private CarbonsinkClient(String gatewayUrl, String accessToken, String idempotencyKey) {
        this.gatewayUrl = gatewayUrl.endsWith("/") ? gatewayUrl.substring(0, gatewayUrl.length() - 1) : gatewayUrl;
        this.accessToken = accessToken;
        this.idempotencyKey = idempotencyKey;
    }

    /** Without a token: public disclosures, public comments. */
    public static CarbonsinkClient of(String gatewayUrl) {
        return new CarbonsinkClient(gatewayUrl, null, null);
    }

    /** The same gateway as the caller of this access token (from the authorization server). */
    public CarbonsinkClient as(String token) {
        return new CarbonsinkClient(gatewayUrl, token, idempotencyKey);
    }

    /**
     * Sends {@code key} as the {@code Idempotency-Key} of its POSTs instead of a fresh one each: for
     * retrying one command whose answer was lost, which then runs only once.
     */
    public CarbonsinkClient withIdempotencyKey(String key) {
        return new CarbonsinkClient(gatewayUrl, accessToken, key);
    }

    public String gatewayUrl() {
        return gatewayUrl;
    }

    /** A registry API, e.g. {@code registry(ProjectApi::new)}. */
    public <T> T registry(Function<org.carbonsink.client.registry.ApiClient, T> api) {
        org.carbonsink.client.registry.ApiClient client = new org.carbonsink.client.registry.ApiClient(http(),
                org.carbonsink.client.registry.ApiClient.createDefaultObjectMapper(), gatewayUrl + "/api/registry");
        client.setRequestInterceptor(headers()).setReadTimeout(TIMEOUT);
        return api.apply(client);
    }

    /** A verification API, e.g. {@code verification(ReportApi::new)}. */
    public <T> T verification(Function<org.carbonsink.client.verification.ApiClient, T> api) {
        org.carbonsink.client.verification.ApiClient client = new org.carbonsink.client.verification.ApiClient(http(),
                org.carbonsink.client.verification.ApiClient.createDefaultObjectMapper(),
                gatewayUrl + "/api/verification");
        client.setRequestInterceptor(headers()).setReadTimeout(TIMEOUT);
        return api.apply(client);
    }

    /** A trading API, e.g. {@code trading(OrderApi::new)}. */
    public <T> T trading(Function<org.carbonsink.client.trading.ApiClient, T> api) {
        org.carbonsink.client.trading.ApiClient client = new org.carbonsink.client.trading.ApiClient(http(),
                org.carbonsink.client.trading.ApiClient.createDefaultObjectMapper(), gatewayUrl + "/api/trading");
        client.setRequestInterceptor(headers()).setReadTimeout(TIMEOUT);
        return api.apply(client);
    }

    private RequestHeaders headers() {
        return new RequestHeaders(accessToken, idempotencyKey);
    }

    // HTTP/1.1 as curl speaks it: no h2c upgrade attempts on plain-text connections
    private static HttpClient.Builder http() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5));
    }
}
