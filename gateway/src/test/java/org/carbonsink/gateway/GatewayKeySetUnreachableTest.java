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

/** The authorization server's key set is out of reach: a token cannot be checked, which is a 503, never a 500. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + GatewayApplication.CONFIG_NAME })
class GatewayKeySetUnreachableTest {

    static final StubServices services = new StubServices();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        services.register(registry);
        registry.add("carbonsink.security.jwks-uri", TestTokens::unreachableJwksUri);
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    @LocalServerPort
    int port;

    @Test
    void aTokenThatCannotBeCheckedIsAServiceUnavailableProblemWithRetryAfter() {
        String token = TestTokens.forParticipant(UUID.randomUUID(), "TRADER");
        // twice: the second request finds the key set's fetch rate-limited after the first failed
        for (int attempt = 0; attempt < 2; attempt++) {
            String probe = "/orders?probe=" + UUID.randomUUID();

            ApiClient.Response response = gateway().withToken(token).get("/api/trading" + probe);

            var problem = response.expect(503);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.header("Retry-After")).isEqualTo("30");
            assertThat(problem.get("type").asString()).isEqualTo("urn:carbonsink:problem:key-set-unavailable");
            assertThat(problem.get("status").asInt()).isEqualTo(503);
            assertThat(problem.get("instance").asString()).isEqualTo("/api/trading/orders");
            assertThat(services.receivedAt(probe)).as("not routed").isEmpty();
        }
    }

    @Test
    void withoutATokenTheAnswersStayAsTheyWere() {
        assertThat(gateway().get("/api/trading/orders").status()).isEqualTo(401);
        assertThat(gateway().get("/api/registry/projects").status()).as("public, no token needed").isEqualTo(200);
    }

    private ApiClient gateway() {
        return new ApiClient("http://127.0.0.1:" + port);
    }
}
