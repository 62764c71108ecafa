package org.carbonsink.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.carbonsink.testsupport.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The public explorer is served by the gateway at / without a token; the API behind it keeps its rules. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + GatewayApplication.CONFIG_NAME })
class GatewayExplorerTest {

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
    void servesTheExplorerPageAtTheRootWithoutAToken() {
        // as a browser asks for it: the welcome page answers requests that accept HTML
        ApiClient.Response page = browser().get("/");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("<main id=\"main\"", "assets/js/app.js",
                "webjars/leaflet/1.9.4/dist/leaflet.js", "webjars/echarts/5.3.1/dist/echarts.min.js");
    }

    @Test
    void servesItsOwnAssetsAndTheVendoredLibrariesFromTheSystemItself() {
        Stream.of("/assets/js/app.js", "/assets/css/explorer.css", "/assets/i18n/zh-CN.json", "/assets/i18n/en.json",
                "/webjars/leaflet/1.9.4/dist/leaflet.js", "/webjars/leaflet/1.9.4/dist/leaflet.css",
                "/webjars/echarts/5.3.1/dist/echarts.min.js")
                .forEach(path -> assertThat(gateway().get(path).status()).as(path).isEqualTo(200));
        assertThat(gateway().get("/assets/i18n/zh-CN.json").body()).contains("\"nav.projects\": \"项目\"");
    }

    @Test
    void loadsNothingFromOutsideTheSystem() {
        String page = browser().get("/").body();

        assertThat(page).doesNotContain("http://", "https://", "//cdn", "//unpkg");
    }

    @Test
    void theExplorerDoesNotOpenTheRestOfTheGateway() {
        assertThat(gateway().get("/api/trading/orders").status()).isEqualTo(401);
        assertThat(gateway().post("/", "{}").status()).isEqualTo(401);
        assertThat(gateway().get("/nothing-here.html").status()).isEqualTo(401);
    }

    private ApiClient browser() {
        return gateway().withHeader("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
    }

    private ApiClient gateway() {
        return new ApiClient("http://127.0.0.1:" + port);
    }
}
