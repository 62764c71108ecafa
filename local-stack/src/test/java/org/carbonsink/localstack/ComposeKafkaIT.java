package org.carbonsink.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.carbonsink.testsupport.InProcessKafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Kafka node of docker-compose.yml as Kafka itself reads it, without Docker: its environment is
 * turned into the broker's properties the way the apache/kafka image does it ({@code KAFKA_} dropped,
 * {@code _} for {@code .}), the secrets filled in as {@code .env} would, the host names and ports
 * moved to free ones on 127.0.0.1, and a real combined broker and controller started on them (the
 * image's Kafka version, 4.1). That it starts at all means the broker logged in at its own
 * controller listener; the clients below show who else may.
 */
class ComposeKafkaIT {

    static final String CONTROLLER_PASSWORD = "controller-secret-from-env";
    static final String ADMIN_PASSWORD = "admin-secret-from-env";

    static Path logDir;
    static KafkaRaftServer server;
    static int brokerPort;
    static int controllerPort;

    @BeforeAll
    // a broker that cannot log in at its own controller waits for it; the run must end all the same
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    @SuppressWarnings("unchecked")
    static void startTheComposeBroker() throws IOException {
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) DockerComposeTest.load()
                .get("services");
        Map<String, Object> environment = (Map<String, Object>) services.get("kafka").get("environment");
        brokerPort = InProcessKafkaBroker.freePort();
        controllerPort = InProcessKafkaBroker.freePort();
        logDir = Files.createTempDirectory("compose-kafka");
        Properties properties = new Properties();
        environment.forEach((name, value) -> {
            if (name.startsWith("KAFKA_")) {
                properties.put(property(name), local(secrets(String.valueOf(value))));
            }
        });
        properties.put("log.dirs", logDir.toString());
        KafkaConfig config = KafkaConfig.fromProps(properties);
        try {
            new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES).setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(config.nodeId()).setControllerListenerName(config.controllerListenerNames().get(0))
                    .setMetadataLogDirectory(logDir.toString()).setDirectories(List.of(logDir.toString()))
                    .setReleaseVersion(MetadataVersion.latestProduction()).run();
        } catch (Exception e) {
            throw new IllegalStateException("could not format " + logDir, e);
        }
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
        }
        if (logDir != null) {
            try (Stream<Path> files = Files.walk(logDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void theBrokerRegistersAtItsControllerWithItsOwnLoginAndServesItsAdministrator() throws Exception {
        try (Admin admin = Admin.create(client(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokerPort, "admin",
                ADMIN_PASSWORD))) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).extracting(Node::id)
                    .containsExactly(1);
        }
    }

    @Test
    void theControllerListenerRefusesClientsWithoutTheControllersLogin() throws Exception {
        Properties plaintext = client(AdminClientConfig.BOOTSTRAP_CONTROLLERS_CONFIG, controllerPort, null, null);
        try (Admin anonymous = Admin.create(plaintext)) {
            assertThatThrownBy(() -> anonymous.describeCluster().nodes().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
        }
        // the broker's administrator is a user of the client listener, not of the controller's
        try (Admin admin = Admin.create(client(AdminClientConfig.BOOTSTRAP_CONTROLLERS_CONFIG, controllerPort,
                "admin", ADMIN_PASSWORD))) {
            assertThatThrownBy(() -> admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
        try (Admin controller = Admin.create(client(AdminClientConfig.BOOTSTRAP_CONTROLLERS_CONFIG, controllerPort,
                "controller", CONTROLLER_PASSWORD))) {
            assertThat(controller.describeCluster().nodes().get(30, TimeUnit.SECONDS)).isNotEmpty();
        }
    }

    /** An admin client of {@code port}; with a user, over SASL/PLAIN as the services log in, else in plain text. */
    private static Properties client(String bootstrap, int port, String user, String password) {
        Properties client = new Properties();
        client.put(bootstrap, "127.0.0.1:" + port);
        client.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        client.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        if (user != null) {
            client.put("security.protocol", "SASL_PLAINTEXT");
            client.put("sasl.mechanism", "PLAIN");
            client.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required "
                    + "username=\"" + user + "\" password=\"" + password + "\";");
        }
        return client;
    }

    /** As the apache/kafka image names a property after its variable: KAFKA_SASL_ENABLED_MECHANISMS is sasl.enabled.mechanisms. */
    private static String property(String variable) {
        return variable.substring("KAFKA_".length()).toLowerCase().replace("___", "-").replace("__", "\0")
                .replace('_', '.').replace('\0', '_');
    }

    /** Fills in the variables as Compose would from .env: the two this test logs in with, a value for each other. */
    private static String secrets(String value) {
        Matcher variable = Pattern.compile("\\$\\{(\\w+):\\?[^}]*}").matcher(value);
        return variable.replaceAll(match -> switch (match.group(1)) {
            case "KAFKA_CONTROLLER_PASSWORD" -> CONTROLLER_PASSWORD;
            case "BROKER_ADMIN_PASSWORD" -> ADMIN_PASSWORD;
            default -> match.group(1).toLowerCase() + "-from-env";
        });
    }

    /** The container's host name and ports, moved to this host's free ports. */
    private static String local(String value) {
        return value.replace("kafka:9092", "127.0.0.1:" + brokerPort).replace("kafka:9093", "127.0.0.1:" + controllerPort)
                .replace("://:9092", "://127.0.0.1:" + brokerPort).replace("://:9093", "://127.0.0.1:" + controllerPort);
    }
}
