package org.carbonsink.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.carbonsink.testsupport.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The gateway in front of stand-in services: routes, prefixes stripped, correlation ids, timeouts. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + GatewayApplication.CONFIG_NAME, "GATEWAY_RESPONSE_TIMEOUT=1s" })
class GatewayRoutingTest {

    record Received(String service, String uri, String correlationId) {
    }

    static final List<Received> received = new CopyOnWriteArrayList<>();
    static final CountDownLatch release = new CountDownLatch(1);
    static final HttpServer registry = stub("registry");
    static final HttpServer verification = stub("verification");
    static final HttpServer trading = stub("trading");

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("REGISTRY_URL", () -> url(GatewayRoutingTest.registry));
        registry.add("VERIFICATION_URL", () -> url(verification));
        registry.add("TRADING_URL", () -> url(trading));
    }

    @AfterAll
    static void stop() {
        release.countDown();
        List.of(registry, verification, trading).forEach(s -> s.stop(0));
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

        assertThat(received).extracting(Received::uri)
                .contains("/projects?status=REGISTERED", "/reports/42", "/instruments");
        assertThat(gateway.get("/api/unknown/things").status()).isEqualTo(404);
    }

    @Test
    void passesTheCallersCorrelationIdOrMakesOne() {
        ApiClient gateway = new ApiClient("http://127.0.0.1:" + port);

        var given = gateway.withHeader("X-Correlation-Id", "trace-abc-123").get("/api/registry/methodologies");
        assertThat(given.header("X-Correlation-Id")).isEqualTo("trace-abc-123");
        assertThat(received).filteredOn(r -> r.uri().equals("/methodologies")).last()
                .extracting(Received::correlationId).isEqualTo("trace-abc-123");

        var made = gateway.withHeader("X-Correlation-Id", "not a valid id!").get("/api/trading/trades");
        assertThat(made.header("X-Correlation-Id")).matches("[0-9a-f-]{36}");
        assertThat(received).filteredOn(r -> r.uri().equals("/trades")).last()
                .extracting(Received::correlationId).isEqualTo(made.header("X-Correlation-Id"));
    }

    @Test
    void answersGatewayTimeoutWhenAServiceDoesNotAnswerInTime() {
        ApiClient gateway = new ApiClient("http://127.0.0.1:" + port);

        assertThat(gateway.get("/api/registry/slow").status()).isEqualTo(504);
    }

    private static HttpServer stub(String service) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.createContext("/", exchange -> {
                received.add(new Received(service, exchange.getRequestURI().toString(),
                        exchange.getRequestHeaders().getFirst("X-Correlation-Id")));
                if (exchange.getRequestURI().getPath().equals("/slow")) {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                byte[] body = ("{\"service\":\"" + service + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
