package org.carbonsink.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
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
 * <li>the local PostgreSQL server on 127.0.0.1:5432 as role {@code test}/{@code test}, and a Kafka
 * broker in this JVM ({@link InProcessKafkaBroker}).</li>
 * </ol>
 * Every purpose gets a fresh database ({@link PostgresServer#database(String)}).
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

    private static PostgresServer resolvePostgres() {
        String url = System.getenv("TEST_POSTGRES_URL");
        if (url != null && !url.isBlank()) {
            return new PostgresServer(url, env("TEST_POSTGRES_USER", "test"), env("TEST_POSTGRES_PASSWORD", "test"),
                    "environment");
        }
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
            container.start();
            return new PostgresServer(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "Testcontainers");
        }
        return new PostgresServer("jdbc:postgresql://127.0.0.1:5432/postgres", "test", "test", "local server");
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
