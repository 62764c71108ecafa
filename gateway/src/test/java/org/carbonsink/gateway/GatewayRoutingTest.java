package org.carbonsink.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The gateway in front of stand-in services: routes, prefixes stripped, trace context and correlation ids, timeouts. */
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
}
