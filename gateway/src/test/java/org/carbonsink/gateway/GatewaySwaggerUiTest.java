package org.carbonsink.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.carbonsink.testsupport.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Swagger UI through the gateway, without a token: one page over the three services' OpenAPI
 * descriptions, each of which the gateway routes to its service, with the login of the public client
 * {@code swagger-ui} (code flow with PKCE).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + GatewayApplication.CONFIG_NAME })
class GatewaySwaggerUiTest {

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
    void servesThePageWithoutAToken() {
        ApiClient.Response entry = gateway().get("/swagger-ui.html");
        assertThat(entry.status()).isEqualTo(302);
        assertThat(entry.header("Location")).endsWith("/swagger-ui/index.html");

        ApiClient.Response page = gateway().get("/swagger-ui/index.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("<div id=\"swagger-ui\">", "swagger-initializer.js");
        assertThat(gateway().get("/swagger-ui/oauth2-redirect.html").status()).isEqualTo(200);
    }

    @Test
    void listsTheThreeServicesDescriptionsAsTheGatewayRoutesThem() {
        JsonNode config = gateway().get("/v3/api-docs/swagger-config").expect(200);

        Map<String, String> urls = new HashMap<>();
        config.get("urls").forEach(url -> urls.put(url.get("name").asString(), url.get("url").asString()));
        assertThat(urls).containsExactlyInAnyOrderEntriesOf(Map.of(
                "registry", "/api/registry/v3/api-docs",
                "verification", "/api/verification/v3/api-docs",
                "trading", "/api/trading/v3/api-docs"));
        assertThat(config.get("oauth2RedirectUrl").asString()).endsWith("/swagger-ui/oauth2-redirect.html");
        // each one reaches its service, without a token
        urls.forEach((service, url) -> assertThat(gateway().get(url).expect(200).get("service").asString())
                .isEqualTo(service));
        assertThat(services.received()).extracting(StubServices.Received::uri).contains("/v3/api-docs");
    }

    @Test
    void logsPeopleInWithThePublicClientAndPkce() {
        String initializer = gateway().get("/swagger-ui/swagger-initializer.js").body();

        assertThat(initializer).contains("ui.initOAuth(", "\"clientId\":\"swagger-ui\"", "\"scopes\":\"openid api\"",
                "\"usePkceWithAuthorizationCodeGrant\":true", "\"configUrl\" : \"/v3/api-docs/swagger-config\"");
    }

    @Test
    void opensNothingElse() {
        assertThat(gateway().get("/v3/api-docs").status()).isEqualTo(401);
        assertThat(gateway().get("/v3/api-docs/anything").status()).isEqualTo(401);
    }

    private ApiClient gateway() {
        return new ApiClient("http://127.0.0.1:" + port);
    }
}
