package org.carbonsink.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Tokens are checked before routing, relayed unchanged, and the old identity header never reaches a service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + GatewayApplication.CONFIG_NAME })
class GatewaySecurityTest {

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
    @LocalManagementPort
    int managementPort;

    @Test
    void refusesARequestWithoutATokenBeforeRouting() {
        String probe = "/participants?probe=" + UUID.randomUUID();

        ApiClient.Response response = gateway().post("/api/registry" + probe, "{\"name\":\"Mallory\"}");

        assertUnauthenticatedProblem(response);
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(services.receivedAt(probe)).isEmpty();
    }

    static Stream<Arguments> badTokens() {
        return Stream.<Function<UUID, String>>of(TestTokens::expired, TestTokens::forAnotherAudience,
                TestTokens::fromAnotherIssuer, TestTokens::signedByAnotherKey, TestTokens::tampered,
                // not RFC 6750's token68: refused as malformed before any key is looked at
                participant -> "malformed token " + participant)
                .map(token -> Arguments.of(token.apply(UUID.randomUUID())));
    }

    @ParameterizedTest
    @MethodSource("badTokens")
    void refusesABadTokenOnProtectedAndPublicPathsAlike(String token) {
        String protectedProbe = "/orders?probe=" + UUID.randomUUID();
        String publicProbe = "/projects?probe=" + UUID.randomUUID();

        ApiClient.Response onProtected = gateway().withToken(token).get("/api/trading" + protectedProbe);
        ApiClient.Response onPublic = gateway().withToken(token).get("/api/registry" + publicProbe);

        assertUnauthenticatedProblem(onProtected);
        assertUnauthenticatedProblem(onPublic);
        assertThat(onProtected.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
        assertThat(services.receivedAt(protectedProbe)).isEmpty();
        assertThat(services.receivedAt(publicProbe)).isEmpty();
    }

    @Test
    void relaysAValidTokenUnchangedAndDropsTheOldIdentityHeader() {
        String token = TestTokens.forParticipant(UUID.randomUUID(), "TRADER");
        String probe = "/orders?probe=" + UUID.randomUUID();

        ApiClient.Response response = gateway().withToken(token)
                .withHeader("X-Participant-Id", "00000000-0000-0000-0000-00000000a001")
                .post("/api/trading" + probe, "{}");

        assertThat(response.expect(200).get("service").asString()).isEqualTo("trading");
        assertThat(services.receivedAt(probe)).singleElement().satisfies(received -> {
            assertThat(received.method()).isEqualTo("POST");
            assertThat(received.header("Authorization")).isEqualTo("Bearer " + token);
            assertThat(received.header("X-Participant-Id")).isNull();
        });
    }

    @Test
    void dropsTheOldIdentityHeaderOnAnonymousRequestsToo() {
        String probe = "/instruments?probe=" + UUID.randomUUID();

        gateway().withHeader("X-Participant-Id", "00000000-0000-0000-0000-00000000a001")
                .get("/api/trading" + probe).expect(200);

        assertThat(services.receivedAt(probe)).singleElement()
                .satisfies(received -> assertThat(received.header("X-Participant-Id")).isNull());
    }

    @Test
    void routesPublicDisclosureGetsWithoutAToken() {
        Stream.of("/api/registry/projects/p-1", "/api/registry/methodologies", "/api/registry/issuances/i-1",
                "/api/registry/retirements", "/api/registry/ledger/entries", "/api/registry/cancellations",
                "/api/registry/cancellations/c-1", "/api/registry/reversals", "/api/registry/reversals/r-1",
                "/api/registry/pledges", "/api/registry/pledges/g-1", "/api/verification/projects/p-1/reports",
                "/api/verification/reports/r-1", "/api/verification/species", "/api/verification/uncertainty-bands",
                "/api/verification/parameters",
                "/api/trading/instruments/x", "/api/trading/trades", "/api/trading/market/instruments/x/daily",
                "/api/trading/market/block-trades", "/api/trading/block-trade-rules/x", "/api/registry/v3/api-docs",
                "/api/verification/v3/api-docs", "/api/trading/v3/api-docs")
                .forEach(path -> assertThat(gateway().get(path).status()).as(path).isEqualTo(200));
    }

    @Test
    void routesAPublicCommentWithoutATokenWithTheClientAddress() {
        String comments = "/projects/" + UUID.randomUUID() + "/comments";

        assertThat(gateway().post("/api/registry" + comments, "{\"body\":\"Is this land forest already?\"}").status())
                .isEqualTo(200);

        assertThat(services.receivedAt(comments)).singleElement().satisfies(received -> {
            assertThat(received.method()).isEqualTo("POST");
            assertThat(received.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
        });
    }

    @Test
    void refusesOtherPostsUnderAProjectWithoutAToken() {
        String registration = "/projects/" + UUID.randomUUID() + "/registration";

        assertUnauthenticatedProblem(gateway().post("/api/registry" + registration, "{}"));
        assertThat(services.receivedAt(registration)).isEmpty();
    }

    @Test
    void refusesAnythingButGetOnPublicPathsWithoutAToken() {
        String probe = "/projects?probe=" + UUID.randomUUID();

        assertUnauthenticatedProblem(gateway().post("/api/registry" + probe, "{}"));
        assertUnauthenticatedProblem(gateway().post("/api/registry/reversals", "{}"));
        assertUnauthenticatedProblem(gateway().post("/api/registry/pledges/g-1/releases", "{\"quantity\":1}"));
        assertUnauthenticatedProblem(gateway().delete("/api/trading/trades/t-1"));
        assertThat(services.receivedAt(probe)).isEmpty();
    }

    @Test
    void answersHealthWithoutATokenAndWithoutRedis() {
        assertThat(management().get("/actuator/health").expect(200).get("status").asString()).isEqualTo("UP");
        assertThat(gateway().get("/readyz").expect(200).get("status").asString()).isEqualTo("UP");
        assertThat(gateway().get("/livez").expect(200).get("status").asString()).isEqualTo("UP");
    }

    @Test
    void servesMetricsOnTheManagementPortOnly() {
        ApiClient admin = gateway().as(UUID.fromString("00000000-0000-0000-0000-00000000a001"), "REGISTRY_ADMINISTRATOR");

        assertThat(admin.get("/actuator/prometheus").status()).isEqualTo(404);
        assertThat(management().withHeader("Accept", "text/plain").get("/actuator/prometheus").body())
                .contains("http_server_requests_seconds");
    }

    private ApiClient management() {
        return new ApiClient("http://127.0.0.1:" + managementPort);
    }

    @Test
    void doesNotExposeTheGatewayActuatorEndpoint() {
        ApiClient admin = gateway().as(UUID.fromString("00000000-0000-0000-0000-00000000a001"), "REGISTRY_ADMINISTRATOR");

        assertThat(admin.get("/actuator/gateway/routes").status()).isEqualTo(404);
    }

    @Test
    void doesNotRouteToTheServicesActuatorsEvenWithAToken() {
        ApiClient admin = gateway().as(UUID.fromString("00000000-0000-0000-0000-00000000a001"), "REGISTRY_ADMINISTRATOR");

        assertThat(admin.get("/api/registry/actuator/prometheus").status()).isEqualTo(403);
        assertThat(admin.get("/api/trading/actuator/metrics").status()).isEqualTo(403);
    }

    private ApiClient gateway() {
        return new ApiClient("http://127.0.0.1:" + port);
    }

    private static void assertUnauthenticatedProblem(ApiClient.Response response) {
        var problem = response.expect(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(problem.get("type").asString()).isEqualTo("urn:carbonsink:problem:unauthenticated");
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(response.header("X-Correlation-Id")).as("a refusal can be traced too").isNotBlank();
    }
}
