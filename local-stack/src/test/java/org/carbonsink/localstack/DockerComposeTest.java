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
import org.carbonsink.contracts.Topics;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * There is no Docker engine here to run docker-compose.yml, so this keeps it honest against the
 * code: every variable it sets is one the service reads, the ports are the services' own, the
 * databases it creates are the ones the services are pointed at, the broker authenticates each
 * service and grants it its own topics, secrets come from the environment, and nothing is
 * published beyond this host unless PUBLISH_ADDRESS says so.
 */
class DockerComposeTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @SuppressWarnings("unchecked")
    final Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) load().get("services");

    @Test
    void runsTheDatabaseTheBrokerTheThreeServicesTheGatewayAndTheMonitoring() {
        assertThat(services).containsOnlyKeys("postgres", "kafka", "kafka-init", "auth-server", "registry-service",
                "verification-service", "trading-service", "gateway", "prometheus", "grafana");
        assertThat(String.valueOf(services.get("kafka").get("image"))).startsWith("apache/kafka:");
        assertThat(environment("kafka")).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
    }

    @Test
    void theBrokerAuthenticatesEveryClientAndAllowsOnlyWhatAnAclGrants() {
        Map<String, Object> kafka = environment("kafka");
        assertThat(kafka).containsEntry("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "CONTROLLER:SASL_PLAINTEXT,SASL:SASL_PLAINTEXT")
                .containsEntry("KAFKA_ADVERTISED_LISTENERS", "SASL://kafka:9092")
                .containsEntry("KAFKA_AUTHORIZER_CLASS_NAME", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
                .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        assertThat(services.get("kafka")).doesNotContainKey("ports");
        String users = String.valueOf(kafka.get("KAFKA_LISTENER_NAME_SASL_PLAIN_SASL_JAAS_CONFIG"));
        for (String user : List.of("registry", "verification", "trading")) {
            Map<String, Object> env = environment(user + "-service");
            assertThat(env).containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT").containsEntry("KAFKA_USERNAME", user);
            String password = "${KAFKA_" + user.toUpperCase() + "_PASSWORD:?";
            assertThat(String.valueOf(env.get("KAFKA_PASSWORD"))).startsWith(password);
            assertThat(users).contains("user_" + user + "=\"" + password);
            assertThat(String.valueOf(services.get(user + "-service").get("depends_on")))
                    .contains("kafka-init={condition=service_completed_successfully}");
        }
    }

    @Test
    void theControllerListenerAuthenticatesTheBrokerAndIsNeverPublished() {
        Map<String, Object> kafka = environment("kafka");
        // no listener at all takes a client without a login
        assertThat(String.valueOf(kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")).split(","))
                .allSatisfy(listener -> assertThat(listener).endsWith(":SASL_PLAINTEXT"));
        assertThat(kafka).containsEntry("KAFKA_LISTENERS", "SASL://:9092,CONTROLLER://:9093")
                .containsEntry("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER")
                .containsEntry("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@kafka:9093")
                .containsEntry("KAFKA_SASL_MECHANISM_CONTROLLER_PROTOCOL", "PLAIN");
        // the broker is the controller's only user, with a password of its own
        String password = "${KAFKA_CONTROLLER_PASSWORD:?";
        assertThat(String.valueOf(kafka.get("KAFKA_LISTENER_NAME_CONTROLLER_PLAIN_SASL_JAAS_CONFIG")))
                .contains("username=\"controller\" password=\"" + password, "user_controller=\"" + password)
                .doesNotContain("user_admin", "user_registry", "user_verification", "user_trading");
        assertThat(String.valueOf(kafka.get("KAFKA_LISTENER_NAME_SASL_PLAIN_SASL_JAAS_CONFIG")))
                .doesNotContain("user_controller");
        // KRaft asks the broker's principal at the controller to be a super user; nobody anonymous is one
        assertThat(kafka).containsEntry("KAFKA_SUPER_USERS", "User:admin;User:controller");
        assertThat(String.valueOf(services.get("kafka").get("expose"))).isEqualTo("[9092]");
        assertThat(services.get("kafka")).doesNotContainKey("ports");
        services.forEach((name, service) -> {
            if (!name.equals("kafka")) {
                assertThat(String.valueOf(service)).as(name).doesNotContain("9093", "CONTROLLER");
            }
        });
    }

    @Test
    void startsEachServiceAfterWhatItNeedsWithoutWaitingForItself() {
        assertThat(String.valueOf(services.get("kafka-init").get("depends_on")))
                .isEqualTo("{kafka={condition=service_healthy}}");
        services.forEach((name, service) -> {
            Object dependsOn = service.get("depends_on");
            if (dependsOn instanceof Map<?, ?> needs) {
                needs.keySet().stream().map(String::valueOf).forEach(need -> {
                    assertThat(need).as("%s waits for itself", name).isNotEqualTo(name);
                    assertThat(services).as("%s needs %s", name, need).containsKey(need);
                });
            }
        });
    }

    @Test
    void eachServiceMayWriteItsOwnTopicsAndReadOnlyWhatItConsumes() throws IOException {
        String init = Files.readString(ROOT.resolve("docker/kafka/init.sh"));
        Matcher created = Pattern.compile("\\nfor t in ([^;]+); do").matcher(init);
        assertThat(created.find()).isTrue();
        assertThat(created.group(1).split("[\\s\\\\]+")).containsAll(Topics.ALL);
        for (String user : List.of("registry", "verification", "trading")) {
            Matcher produces = Pattern.compile("\\nproduces " + user + " ([^\\n]+)").matcher(init);
            assertThat(produces.find()).as("%s produces", user).isTrue();
            assertThat(produces.group(1).split(" ")).allSatisfy(t -> assertThat(t).startsWith(user + "."));
            Matcher consumes = Pattern.compile("\\nconsumes " + user + " ([^\\n]+)").matcher(init);
            assertThat(consumes.find()).as("%s consumes", user).isTrue();
            // the group the ACL names is the one the service joins
            assertThat(resource(user + "-service.yml")).contains("group-id: " + user + "-service");
        }
        assertThat(init).contains("--group \"$user-service\"");
    }

    @Test
    @SuppressWarnings("unchecked")
    void publishesNothingOnAllInterfacesAndTakesEverySecretFromTheEnvironment() throws IOException {
        String example = Files.readString(ROOT.resolve(".env.example"));
        services.forEach((name, service) -> {
            Object ports = service.get("ports");
            if (ports != null) {
                assertThat((List<String>) ports).as(name)
                        .allSatisfy(p -> assertThat(p).matches("(127\\.0\\.0\\.1|\\$\\{PUBLISH_ADDRESS:-127\\.0\\.0\\.1}):.*"));
            }
            Map<String, Object> env = environment(name);
            if (env != null) {
                env.forEach((key, value) -> {
                    if (key.contains("PASSWORD")) {
                        Matcher variable = Pattern.compile("\\$\\{(\\w+):\\?.*").matcher(String.valueOf(value));
                        assertThat(variable.matches()).as("%s %s comes from the environment", name, key).isTrue();
                        assertThat(example).contains("\n" + variable.group(1) + "=");
                    }
                    if (key.endsWith("JAAS_CONFIG")) {
                        // the broker's logins: each password="..." and user_<name>="..." is a variable
                        Matcher secret = Pattern.compile("(password|user_\\w+)=\"([^\"]*)\"").matcher(String.valueOf(value));
                        int secrets = 0;
                        while (secret.find()) {
                            secrets++;
                            Matcher variable = Pattern.compile("\\$\\{(\\w+):\\?[^}]*}").matcher(secret.group(2));
                            assertThat(variable.matches()).as("%s %s %s comes from the environment", name, key,
                                    secret.group(1)).isTrue();
                            assertThat(example).contains("\n" + variable.group(1) + "=");
                        }
                        assertThat(secrets).as("%s %s", name, key).isPositive();
                    }
                });
            }
        });
    }

    @Test
    void prometheusAndGrafanaReadTheRepositorysFiles() {
        assertThat(String.valueOf(services.get("prometheus").get("volumes")))
                .contains("./docker/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml",
                        "./docker/prometheus/alerts.yml:/etc/prometheus/alerts.yml");
        assertThat(String.valueOf(services.get("grafana").get("volumes")))
                .contains("./docker/grafana/provisioning:/etc/grafana/provisioning",
                        "./docker/grafana/dashboards:/var/lib/grafana/dashboards");
        for (String path : List.of("docker/prometheus/prometheus.yml", "docker/prometheus/alerts.yml",
                "docker/grafana/dashboards/carbonsink.json", "docker/grafana/provisioning/dashboards/carbonsink.yml",
                "docker/grafana/provisioning/datasources/prometheus.yml")) {
            assertThat(ROOT.resolve(path)).exists();
        }
        assertThat(environment("grafana")).containsEntry("GF_USERS_ALLOW_SIGN_UP", "false");
    }

    @Test
    void setsOnlyVariablesTheServicesRead() throws IOException {
        // MANAGEMENT_PORT and MANAGEMENT_ADDRESS: the Actuator port for Prometheus, on the containers' network
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
        String published = "${PUBLISH_ADDRESS:-127.0.0.1}:";
        Map<String, String> defaults = Map.of("registry-service", "8081", "verification-service", "8082",
                "trading-service", "8083", "gateway", "8080", "auth-server", "9000");
        defaults.forEach((service, port) -> {
            String portVariable = environment(service).keySet().stream().filter(k -> k.endsWith("_PORT")).findFirst()
                    .orElseThrow();
            assertThat(String.valueOf(environment(service).get(portVariable))).isEqualTo(port);
            String management = String.valueOf(Integer.parseInt(port) + 1000);
            if (service.endsWith("-service")) {
                assertThat(services.get(service)).doesNotContainKey("ports");
                assertThat(String.valueOf(services.get(service).get("expose")))
                        .isEqualTo("[" + port + ", " + management + "]");
            } else {
                assertThat(String.valueOf(services.get(service).get("ports")))
                        .isEqualTo("[" + published + port + ":" + port + "]");
            }
            if (!service.equals("auth-server")) {
                assertThat(environment(service)).containsEntry("MANAGEMENT_PORT", Integer.parseInt(management))
                        .containsEntry("MANAGEMENT_ADDRESS", "0.0.0.0");
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
        String init = Files.readString(ROOT.resolve("docker/postgres-init.sh"));
        for (String prefix : List.of("REGISTRY", "VERIFICATION", "TRADING")) {
            String service = prefix.toLowerCase() + "-service";
            Map<String, Object> env = environment(service);
            Matcher url = Pattern.compile("jdbc:postgresql://postgres:5432/(\\w+)")
                    .matcher(String.valueOf(env.get(prefix + "_DB_URL")));
            assertThat(url.matches()).isTrue();
            assertThat(url.group(1)).isEqualTo(env.get(prefix + "_DB_USER"));
            assertThat(init).contains("for service in registry verification trading")
                    .contains("create role $service login password :'pw';")
                    .contains("create database $service owner $service;")
                    .contains(url.group(1) + ") password=$" + prefix + "_DB_PASSWORD");
            assertThat(environment("postgres")).containsKey(prefix + "_DB_PASSWORD");
            assertThat(String.valueOf(env.get(prefix + "_DB_PASSWORD")))
                    .isEqualTo(environment("postgres").get(prefix + "_DB_PASSWORD"));
            assertThat(Files.isDirectory(ROOT.resolve(service))).isTrue();
        }
        assertThat(Files.readString(ROOT.resolve("Dockerfile"))).contains("${SERVICE}-0.1.0-SNAPSHOT-exec.jar");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> environment(String service) {
        return (Map<String, Object>) services.get(service).get("environment");
    }

    static Map<String, Object> load() {
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
