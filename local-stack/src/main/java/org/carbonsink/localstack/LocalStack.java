package org.carbonsink.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.carbonsink.contracts.Topics;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.InProcessKafkaBroker;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Starts the whole system on one machine without Docker: an embedded PostgreSQL (or an external
 * server when {@code LOCAL_STACK_POSTGRES_URL} is set) with a database per service, a Kafka broker
 * in KRaft mode in this JVM on a fixed port, the three services and the gateway. Prints the URLs
 * once everything reports healthy; Ctrl-C stops everything.
 *
 * <p>Options: {@code --demo} runs the lifecycle through the gateway and prints each step;
 * {@code --exit-after-demo} stops afterwards; {@code --kafka-port=N} (default 9092),
 * {@code --gateway-port=N} (8080), {@code --postgres-port=N} (15432, embedded server only),
 * {@code --auth-port=N} (9000),
 * {@code --verbose} keeps the services' INFO logs, {@code --rule-windows} keeps the rules' disclosure
 * windows of 20 working days (by default the local stack shortens them: {@link Lifecycle#SHORT_WINDOWS}).
 */
public final class LocalStack implements AutoCloseable {

    static final List<String> SERVICES = List.of("registry", "verification", "trading");

    private final List<AutoCloseable> started = new ArrayList<>();
    private Services services;

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        // before any logger exists: logback.xml configures logging once for all four applications
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        System.setProperty("LOCAL_STACK_LOG_LEVEL", options.verbose() ? "INFO" : "WARN");
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Instant begin = Instant.now();
        LocalStack stack = new LocalStack();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the local stack...");
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown"));
        try {
            stack.start(options);
        } catch (RuntimeException e) {
            System.err.println("The local stack could not start: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
        }
        Duration ready = Duration.between(begin, Instant.now());
        stack.printUrls(ready);
        if (options.demo()) {
            new Lifecycle(new ApiClient(stack.services.gatewayUrl()), stack.services.authUrl(), System.out::println).run();
            if (options.exitAfterDemo()) {
                System.exit(0);
            }
        }
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }

    void start(Options options) {
        System.out.println("Starting PostgreSQL...");
        Map<String, Database> databases = startPostgres(options);
        System.out.println("Starting Kafka on 127.0.0.1:" + options.kafkaPort() + "...");
        Path kafkaLog = tempDir("local-stack-kafka-");
        started.add(() -> deleteRecursively(kafkaLog));
        InProcessKafkaBroker broker = new InProcessKafkaBroker(options.kafkaPort(), kafkaLog);
        started.add(broker);
        broker.start();
        System.out.println("Starting the services and the gateway...");
        createTopics(broker.bootstrapServers());
        // loopback only: the seeded logins and the open broker are for this machine
        List<String> arguments = new ArrayList<>(List.of("--spring.main.banner-mode=off",
                "--spring.main.log-startup-info=false", "--server.address=127.0.0.1",
                // certificates' QR codes open the explorer on this gateway
                "--EXPLORER_URL=http://127.0.0.1:" + options.gatewayPort() + "/"));
        if (!options.ruleWindows()) {
            System.out.println("Disclosure windows shortened for local use (--rule-windows keeps 20 working days)");
            arguments.addAll(Lifecycle.SHORT_WINDOWS);
        }
        // the services' standard ports only beside the standard gateway, so that a second stack on
        // other ports does not collide with the first
        boolean standard = options.gatewayPort() == 8080;
        services = Services.start(databases, broker.bootstrapServers(), new Services.Ports(options.gatewayPort(),
                standard ? 8081 : 0, standard ? 8082 : 0, standard ? 8083 : 0, options.authPort()), arguments);
    }

    /** Topics up front, so no consumer starts on a topic that does not exist yet. */
    public static void createTopics(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<NewTopic> topics = new ArrayList<>();
            for (String topic : Topics.ALL) {
                topics.add(new NewTopic(topic, 3, (short) 1));
                topics.add(new NewTopic(topic + Topics.DEAD_LETTER_SUFFIX, 3, (short) 1));
            }
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create the topics", e);
            }
        }
    }

    private Map<String, Database> startPostgres(Options options) {
        String external = System.getenv("LOCAL_STACK_POSTGRES_URL");
        if (external != null && !external.isBlank()) {
            String user = env("LOCAL_STACK_POSTGRES_USER", "postgres");
            String password = env("LOCAL_STACK_POSTGRES_PASSWORD", "");
            return createDatabases(external, user, password, "carbonsink_");
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(options.postgresPort())
                    // stopped by close(), after the services: its own hook would race theirs
                    .setRegisterShutdownHook(false).start();
            started.add(postgres);
            return createDatabases(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", "");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL on port " + options.postgresPort(), e);
        }
    }

    /** One database per service on the server behind {@code adminUrl}, created when missing. */
    public static Map<String, Database> createDatabases(String adminUrl, String user, String password, String prefix) {
        Map<String, Database> databases = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            for (String service : SERVICES) {
                String name = prefix + service;
                try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                    if (!rs.next()) {
                        s.execute("create database " + name);
                    }
                }
                String base = adminUrl.substring(0, adminUrl.indexOf('/', "jdbc:postgresql://".length()) + 1);
                databases.put(service, new Database(base + name, user, password));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the databases on " + adminUrl + ": " + e.getMessage(), e);
        }
        return databases;
    }

    private void printUrls(Duration ready) {
        Map<String, String> urls = services.urls();
        System.out.printf("%nThe local stack is ready in %.1f s.%n", ready.toMillis() / 1000.0);
        System.out.println("  explorer      " + urls.get("gateway") + "/   (the public pages, zh-CN and en, no login)");
        System.out.println("  gateway       " + urls.get("gateway") + "   (API under /api/registry, /api/verification, /api/trading)");
        System.out.println("  swagger ui    " + urls.get("gateway") + "/swagger-ui.html   (the three APIs; Authorize logs in)");
        System.out.println("  asyncapi      " + urls.get("gateway") + "/asyncapi.json   (the Kafka events)");
        Map<String, String> management = services.managementUrls();
        for (String service : SERVICES) {
            System.out.printf("  %-13s %s   (OpenAPI at /v3/api-docs)%n", service, urls.get(service));
        }
        System.out.println("  metrics and health (127.0.0.1 only): " + String.join("  ", management.values())
                + "   (/prometheus, /health/readiness, /health/liveness)");
        System.out.println("  auth server   " + urls.get("auth") + "   (users owner, verifier, validator, admin, trader, operator, lender; "
                + "password <user>-password; scripts/token.sh)");
    }

    @Override
    public void close() {
        if (services != null) {
            services.close();
            services = null;
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e);
            }
        }
        started.clear();
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    record Options(boolean demo, boolean exitAfterDemo, boolean verbose, boolean ruleWindows, int kafkaPort,
            int gatewayPort, int postgresPort, int authPort) {

        static Options parse(String[] args) {
            boolean demo = false;
            boolean ruleWindows = false;
            boolean exit = false;
            boolean verbose = false;
            int kafka = Integer.parseInt(env("LOCAL_STACK_KAFKA_PORT", "9092"));
            int gateway = Integer.parseInt(env("GATEWAY_PORT", "8080"));
            int postgres = Integer.parseInt(env("LOCAL_STACK_POSTGRES_PORT", "15432"));
            int auth = Integer.parseInt(env("AUTH_PORT", "9000"));
            for (String arg : args) {
                if (arg.equals("--demo")) {
                    demo = true;
                } else if (arg.equals("--exit-after-demo")) {
                    demo = true;
                    exit = true;
                } else if (arg.equals("--verbose")) {
                    verbose = true;
                } else if (arg.equals("--rule-windows")) {
                    ruleWindows = true;
                } else if (arg.startsWith("--kafka-port=")) {
                    kafka = port(arg);
                } else if (arg.startsWith("--gateway-port=")) {
                    gateway = port(arg);
                } else if (arg.startsWith("--postgres-port=")) {
                    postgres = port(arg);
                } else if (arg.startsWith("--auth-port=")) {
                    auth = port(arg);
                } else {
                    throw new IllegalArgumentException("unknown option " + arg + "; see the README");
                }
            }
            return new Options(demo, exit, verbose, ruleWindows, kafka, gateway, postgres, auth);
        }

        private static int port(String arg) {
            return Integer.parseInt(arg.substring(arg.indexOf('=') + 1));
        }
    }
}
