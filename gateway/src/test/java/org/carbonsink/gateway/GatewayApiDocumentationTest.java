package org.carbonsink.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.carbonsink.contracts.Topics;
import org.carbonsink.testsupport.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The documentation for integrators through the gateway, without a token: Swagger UI, one page over
 * the three services' OpenAPI descriptions, each of which the gateway routes to its service, with the
 * login of the public client {@code swagger-ui} (code flow with PKCE); and the AsyncAPI document of the
 * Kafka events, where every event type of event-contracts (each has a JSON fixture) is a message on its
 * topic, with the fixture as its example.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + GatewayApplication.CONFIG_NAME, "KAFKA_BOOTSTRAP_SERVERS=broker.example:9092" })
class GatewayApiDocumentationTest {

    static final StubServices services = new StubServices();
    static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

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

    /**
     * A browser opening Swagger UI again: an asset, the redirect, the page, all on one kept-alive
     * connection. Static resources were written from boundedElastic, and the page after the redirect
     * that followed one then went unread (Reactor Netty 4361): 26 of 200 pages hung before the fix.
     */
    @Test
    void servesThePagesOneAfterAnotherOnOneConnection() throws Exception {
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<String> unanswered = new ArrayList<>();
        for (int i = 0; i < 200 && unanswered.isEmpty(); i++) {
            for (String path : List.of("/swagger-ui/swagger-initializer.js", "/swagger-ui.html", "/swagger-ui/index.html")) {
                try {
                    HttpResponse<Void> response = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding());
                    assertThat(response.statusCode()).as(path).isIn(200, 302);
                } catch (HttpTimeoutException e) {
                    unanswered.add("round " + i + ": " + path);
                }
            }
        }
        assertThat(unanswered).isEmpty();
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

    @Test
    void namesEveryEventTypeOfTheContractsWithItsFixtureAsExample() throws IOException {
        ApiClient.Response response = gateway().get("/asyncapi.json");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        JsonNode document = JSON.readTree(response.body());
        Map<String, JsonNode> fixtures = fixtures();
        assertThat(fixtures).hasSizeGreaterThanOrEqualTo(17);

        assertThat(document.get("asyncapi").asString()).isEqualTo("3.0.0");
        JsonNode messages = document.get("components").get("messages");
        assertThat(messages.propertyNames()).containsExactlyInAnyOrderElementsOf(fixtures.keySet());
        fixtures.forEach((type, fixture) -> {
            JsonNode example = messages.get(type).get("examples").get(0);
            assertThat(example.get("payload")).as(type).isEqualTo(fixture);
            assertThat(example.get("headers").get("event-type").asString()).isEqualTo(type);
            // the schema names exactly the fields the fixture (and so the record) has
            assertThat(document.get("components").get("schemas").get(type).get("properties").propertyNames())
                    .as(type).containsExactlyInAnyOrderElementsOf(fixture.propertyNames());
        });
    }

    @Test
    void hasAChannelPerTopicCarryingItsEvents() {
        JsonNode document = gateway().get("/asyncapi.json").expect(200);

        assertThat(document.get("channels").propertyNames()).containsExactlyInAnyOrderElementsOf(Topics.ALL);
        JsonNode credits = document.get("channels").get("registry.credits.v1");
        assertThat(credits.get("address").asString()).isEqualTo("registry.credits.v1");
        assertThat(credits.get("messages").propertyNames()).contains("CreditsIssued", "CreditsRetired");
        assertThat(credits.get("messages").get("CreditsIssued").get("$ref").asString())
                .isEqualTo("#/components/messages/CreditsIssued");
        JsonNode send = document.get("operations").get("registry.credits.v1.send");
        assertThat(send.get("action").asString()).isEqualTo("send");
        assertThat(send.get("channel").get("$ref").asString()).isEqualTo("#/channels/registry.credits.v1");
        assertThat(document.get("servers").get("kafka").get("host").asString()).isEqualTo("broker.example:9092");
        // a record inside an event is a schema of its own
        assertThat(document.get("components").get("schemas").get("CreditsIssued").get("properties")
                .get("ownerSerials").get("$ref").asString()).isEqualTo("#/components/schemas/SerialRange");
        assertThat(document.get("components").get("schemas").get("SerialRange").get("properties").propertyNames())
                .containsExactlyInAnyOrder("serial", "first", "last");
    }

    /** Every event-contracts fixture by event type, found on the classpath independently of the document. */
    private static Map<String, JsonNode> fixtures() throws IOException {
        Map<String, JsonNode> fixtures = new TreeMap<>();
        Resource[] found = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:org/carbonsink/contracts/fixtures/*.json");
        for (Resource resource : found) {
            try (InputStream in = resource.getInputStream()) {
                fixtures.put(resource.getFilename().replace(".json", ""), JSON.readTree(in));
            }
        }
        return fixtures;
    }

    private ApiClient gateway() {
        return new ApiClient("http://127.0.0.1:" + port);
    }
}
