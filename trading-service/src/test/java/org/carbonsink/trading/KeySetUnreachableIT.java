package org.carbonsink.trading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.TestInfrastructure;
import org.carbonsink.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The authorization server's key set is out of reach (its port is closed): a bearer token cannot be
 * checked, which is a 503 problem with Retry-After (the token may be valid), never a 500 and never a 401.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + TradingApplication.CONFIG_NAME)
class KeySetUnreachableIT {

    static final String JWKS_URI = "carbonsink.security.jwks-uri";

    @DynamicPropertySource
    static void infrastructureWithTheKeySetDown(DynamicPropertyRegistry registry) {
        String unreachable = TestTokens.unreachableJwksUri();
        TestInfrastructure.springProperties("trading").forEach((key, value) -> registry.add(key,
                () -> JWKS_URI.equals(key) ? unreachable : value));
    }

    @LocalServerPort
    int port;

    private ApiClient api() {
        return new ApiClient("http://localhost:" + port);
    }

    @Test
    void aTokenThatCannotBeCheckedIsAServiceUnavailableProblem() {
        ApiClient caller = api().as(UUID.randomUUID());

        for (ApiClient.Response response : new ApiClient.Response[] { caller.get("/orders"),
                caller.post("/orders", Map.of("instrumentId", "P1-2025", "side", "BUY", "quantity", 1, "limitPrice", 1)),
                caller.get("/instruments") }) {
            assertThat(response.status()).as(response.toString()).isEqualTo(503);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.header("Retry-After")).isEqualTo("30");
            assertThat(response.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:key-set-unavailable");
        }
        assertThat(api().get("/orders").status()).as("no token: unauthenticated as before").isEqualTo(401);
        assertThat(api().get("/instruments").status()).as("public without a token").isEqualTo(200);
    }
}
