package org.carbonsink.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * There is no Docker engine here to run docker-compose.yml, so this keeps it honest against the
 * code: every variable it sets is one the service reads, the ports are the services' own, and the
 * databases it creates are the ones the services are pointed at.
 */
class DockerComposeTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @SuppressWarnings("unchecked")
    final Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) load().get("services");

    @Test
    void runsTheDatabaseTheBrokerTheThreeServicesAndTheGateway() {
        assertThat(services).containsOnlyKeys("postgres", "kafka", "auth-server", "registry-service",
                "verification-service", "trading-service", "gateway");
        assertThat(String.valueOf(services.get("kafka").get("image"))).startsWith("apache/kafka:");
        assertThat(environment("kafka")).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
    }

    @Test
    void setsOnlyVariablesTheServicesRead() throws IOException {
        for (String service : List.of("registry-service", "verification-service", "trading-service", "gateway",
                "auth-server")) {
            String config = resource(service + ".yml")
                    + (service.endsWith("-service") ? resource("carbonsink-service-defaults.yml") : "");
            for (String variable : environment(service).keySet()) {
                assertThat(config).as("%s reads %s", service, variable).contains("${" + variable + ":");
            }
        }
    }

    @Test
    void publishesOnlyTheGatewayAndTheAuthorizationServerOnThePortsTheyListenOn() {
        Map<String, String> defaults = Map.of("registry-service", "8081", "verification-service", "8082",
                "trading-service", "8083", "gateway", "8080", "auth-server", "9000");
        defaults.forEach((service, port) -> {
            String portVariable = environment(service).keySet().stream().filter(k -> k.endsWith("_PORT")).findFirst()
                    .orElseThrow();
            assertThat(String.valueOf(environment(service).get(portVariable))).isEqualTo(port);
            if (service.endsWith("-service")) {
                assertThat(services.get(service)).doesNotContainKey("ports");
                assertThat(String.valueOf(services.get(service).get("expose"))).isEqualTo("[" + port + "]");
            } else {
                assertThat(String.valueOf(services.get(service).get("ports"))).isEqualTo("[" + port + ":" + port + "]");
            }
        });
        for (String service : List.of("registry-service", "verification-service", "trading-service", "gateway")) {
            assertThat(environment(service)).containsEntry("AUTH_JWKS_URI", "http://auth-server:9000/oauth2/jwks")
                    .containsEntry("AUTH_ISSUER", environment("auth-server").get("AUTH_ISSUER"));
        }
        assertThat(environment("gateway")).containsEntry("REGISTRY_URL", "http://registry-service:8081")
                .containsEntry("VERIFICATION_URL", "http://verification-service:8082")
                .containsEntry("TRADING_URL", "http://trading-service:8083");
    }

    @Test
    void createsTheDatabasesAndRolesTheServicesUse() throws IOException {
        String init = Files.readString(ROOT.resolve("docker/postgres-init.sql"));
        for (String prefix : List.of("REGISTRY", "VERIFICATION", "TRADING")) {
            String service = prefix.toLowerCase() + "-service";
            Map<String, Object> env = environment(service);
            Matcher url = Pattern.compile("jdbc:postgresql://postgres:5432/(\\w+)")
                    .matcher(String.valueOf(env.get(prefix + "_DB_URL")));
            assertThat(url.matches()).isTrue();
            assertThat(init).contains("create database " + url.group(1) + " owner " + env.get(prefix + "_DB_USER"))
                    .contains("create role " + env.get(prefix + "_DB_USER") + " login password '"
                            + env.get(prefix + "_DB_PASSWORD") + "'");
            assertThat(Files.isDirectory(ROOT.resolve(service))).isTrue();
        }
        assertThat(Files.readString(ROOT.resolve("Dockerfile"))).contains("${SERVICE}-0.1.0-SNAPSHOT-exec.jar");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> environment(String service) {
        return (Map<String, Object>) services.get(service).get("environment");
    }

    private static Map<String, Object> load() {
        try (InputStream in = Files.newInputStream(ROOT.resolve("docker-compose.yml"))) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DockerComposeTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
