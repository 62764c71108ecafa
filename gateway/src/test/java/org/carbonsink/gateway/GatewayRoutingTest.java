package org.carbonsink.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway in front of stand-in services: routes, prefixes stripped, trace context and correlation ids, timeouts,
 * and connections kept alive.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + GatewayApplication.CONFIG_NAME, "GATEWAY_RESPONSE_TIMEOUT=1s" })
class GatewayRoutingTest {

    static final StubServices services = new StubServices();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        services.register(registry);
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    @LocalServerPort
    int port;

    @Test
    void routesEachServicePrefixWithThePrefixStripped() {
        ApiClient gateway = new ApiClient("http://127.0.0.1:" + port);

        assertThat(gateway.get("/api/registry/projects?status=REGISTERED").expect(200).get("service").asString())
                .isEqualTo("registry");
        assertThat(gateway.get("/api/verification/reports/42").expect(200).get("service").asString())
                .isEqualTo("verification");
        assertThat(gateway.get("/api/trading/instruments").expect(200).get("service").asString()).isEqualTo("trading");

        assertThat(services.received()).extracting(StubServices.Received::uri)
                .contains("/projects?status=REGISTERED", "/reports/42", "/instruments");
        assertThat(gateway.as(UUID.randomUUID()).get("/api/unknown/things").status()).isEqualTo(404);
    }

    @Test
    void continuesTheCallersTraceOrStartsOneAndAnswersItsIdAsCorrelationId() {
        ApiClient gateway = new ApiClient("http://127.0.0.1:" + port);
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

        var given = gateway.withHeader("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .get("/api/registry/methodologies");
        assertThat(given.header("X-Correlation-Id")).isEqualTo(traceId);
        assertThat(services.receivedAt("/methodologies")).last()
                .extracting(r -> r.header("traceparent")).asString().startsWith("00-" + traceId + "-")
                .doesNotContain("00f067aa0ba902b7");

        var made = gateway.get("/api/trading/trades");
        assertThat(made.header("X-Correlation-Id")).matches("[0-9a-f]{32}").isNotEqualTo(traceId);
        assertThat(services.receivedAt("/trades")).last()
                .extracting(r -> r.header("traceparent")).asString()
                .startsWith("00-" + made.header("X-Correlation-Id") + "-");
    }

    @Test
    void answersGatewayTimeoutWhenAServiceDoesNotAnswerInTime() {
        ApiClient gateway = new ApiClient("http://127.0.0.1:" + port).withToken(TestTokens.forParticipant(UUID.randomUUID()));

        assertThat(gateway.get("/api/registry/slow").status()).isEqualTo(504);
    }

    /**
     * The readiness check answers from boundedElastic, off the connection's event loop, and the next
     * request on the connection follows at once; four clients do so side by side. Without
     * KeepAliveConfiguration (Reactor Netty's lastFlushWhenNoRead) Reactor Netty stopped reading some
     * of those connections: 5 of the 800 requests went unanswered in one run.
     */
    @Test
    void answersEveryRequestOnAConnectionAfterAnswersCompletedOffItsEventLoop() throws Exception {
        List<String> unanswered = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            for (Future<?> client : clients.invokeAll(Collections.nCopies(4, () -> ask(200, unanswered)))) {
                client.get();
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(unanswered).isEmpty();
    }

    private Void ask(int requests, List<String> unanswered) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < requests; i++) {
            String path = i % 2 == 0 ? "/readyz" : "/livez";
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    unanswered.add(path + " answered " + response.statusCode());
                }
            } catch (IOException e) {
                unanswered.add("request " + i + " " + path + ": " + e);
                // that connection is lost; go on with a new client
                http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }
}
