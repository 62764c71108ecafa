package org.carbonsink.localstack.faults;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.carbonsink.auth.AuthServerApplication;
import org.carbonsink.gateway.GatewayApplication;
import org.carbonsink.localstack.Database;
import org.carbonsink.localstack.Lifecycle;
import org.carbonsink.localstack.LocalStack;
import org.carbonsink.localstack.Services;
import org.carbonsink.registry.RegistryApplication;
import org.carbonsink.testsupport.InProcessKafkaBroker;
import org.carbonsink.trading.TradingApplication;
import org.carbonsink.verification.VerificationApplication;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One part of the system as a process of its own, for the fault harness ({@code scripts/faults}):
 * so that a service can be killed with {@code kill -9} and started again, and the broker stopped,
 * while the rest runs on. Everything listens on 127.0.0.1 only.
 *
 * <ul>
 * <li>{@code kafka --kafka-port=N --controller-port=N --log-dir=D}: the broker; its log directory
 * survives a restart, so a stopped broker comes back with its topics and offsets;</li>
 * <li>{@code infra --postgres-port=N --kafka-port=N --auth-port=N --gateway-port=N
 * --verification-port=N --registry-port=N --trading-port=N}: an embedded PostgreSQL with the three
 * databases, the authorization server, the verification service and the gateway;</li>
 * <li>{@code registry|trading --postgres-port=N --kafka-port=N --auth-port=N --port=N}: that service.</li>
 * </ul>
 * Other {@code --name=value} arguments go to the Spring applications. Prints {@code READY} once
 * everything it started answers healthy; runs until the process is stopped.
 */
public final class FaultNode {

    private FaultNode() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        System.setProperty("LOCAL_STACK_LOG_LEVEL", "WARN");
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Options options = Options.parse(args);
        List<AutoCloseable> started = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (int i = started.size() - 1; i >= 0; i--) {
                try {
                    started.get(i).close();
                } catch (Exception e) {
                    System.err.println("while stopping: " + e);
                }
            }
            stopped.countDown();
        }, "fault-node-shutdown"));
        try {
            switch (options.role()) {
                case "kafka" -> kafka(options, started);
                case "infra" -> infra(options, started);
                case "registry" -> started.add(service(RegistryApplication::application, "registry", options));
                case "trading" -> started.add(service(TradingApplication::application, "trading", options));
                default -> throw new IllegalArgumentException("unknown role " + options.role()
                        + "; one of kafka, infra, registry, trading");
            }
        } catch (RuntimeException e) {
            System.err.println(options.role() + " could not start: " + e);
            e.printStackTrace();
            System.exit(1);
        }
        System.out.println("READY " + options.role());
        stopped.await();
    }

    private static void kafka(Options options, List<AutoCloseable> started) throws IOException {
        Path logDir = Path.of(options.required("log-dir"));
        Files.createDirectories(logDir);
        InProcessKafkaBroker broker = new InProcessKafkaBroker(options.port("kafka-port"),
                options.port("controller-port"), logDir);
        started.add(broker);
        broker.start();
        LocalStack.createTopics(broker.bootstrapServers());
    }

    private static void infra(Options options, List<AutoCloseable> started) throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(options.port("postgres-port"))
                .setRegisterShutdownHook(false).start();
        started.add(postgres);
        LocalStack.createDatabases(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", "");
        String issuer = issuer(options);
        List<String> auth = new ArrayList<>(common(options));
        auth.add("--server.port=" + options.port("auth-port"));
        auth.add("--AUTH_ISSUER=" + issuer);
        // the services' OTLP metrics registry is on this classpath too; the auth server pushes nowhere
        auth.add("--management.otlp.metrics.export.enabled=false");
        ConfigurableApplicationContext authServer = Services.run(AuthServerApplication::application, auth);
        started.add(authServer);
        List<String> withTokens = withTokens(options);
        ConfigurableApplicationContext verification = Services.run(VerificationApplication::application,
                Services.serviceArguments(database(options, "verification"), kafka(options),
                        options.port("verification-port"), withTokens));
        started.add(verification);
        List<String> gateway = new ArrayList<>(withTokens);
        gateway.add("--server.port=" + options.port("gateway-port"));
        gateway.add("--REGISTRY_URL=http://127.0.0.1:" + options.port("registry-port"));
        gateway.add("--VERIFICATION_URL=http://127.0.0.1:" + options.port("verification-port"));
        gateway.add("--TRADING_URL=http://127.0.0.1:" + options.port("trading-port"));
        started.add(Services.run(GatewayApplication::application, gateway));
        Services.awaitHealthy(Services.healthUrl(authServer), Duration.ofSeconds(120));
        Services.awaitHealthy(Services.healthUrl(verification), Duration.ofSeconds(120));
        Services.awaitHealthy("http://127.0.0.1:" + options.port("gateway-port") + "/readyz", Duration.ofSeconds(120));
    }

    private static ConfigurableApplicationContext service(Supplier<SpringApplication> application, String name,
            Options options) {
        ConfigurableApplicationContext context = Services.run(application, Services.serviceArguments(
                database(options, name), kafka(options), options.port("port"), withTokens(options)));
        Services.awaitHealthy(Services.healthUrl(context), Duration.ofSeconds(120));
        return context;
    }

    /** The database {@link LocalStack#createDatabases} made for the service on the infra's PostgreSQL. */
    static Database database(Options options, String service) {
        return new Database("jdbc:postgresql://127.0.0.1:" + options.port("postgres-port") + "/" + service,
                "postgres", "");
    }

    private static String kafka(Options options) {
        return "127.0.0.1:" + options.port("kafka-port");
    }

    private static String issuer(Options options) {
        return "http://127.0.0.1:" + options.port("auth-port");
    }

    private static List<String> common(Options options) {
        List<String> args = new ArrayList<>(List.of("--spring.main.banner-mode=off",
                "--spring.main.log-startup-info=false", "--server.address=127.0.0.1"));
        args.addAll(Lifecycle.SHORT_WINDOWS);
        args.addAll(options.passThrough());
        return args;
    }

    private static List<String> withTokens(Options options) {
        List<String> args = common(options);
        args.add("--carbonsink.security.issuer=" + issuer(options));
        args.add("--carbonsink.security.jwks-uri=" + issuer(options) + "/oauth2/jwks");
        return args;
    }

    /** The role, this harness's own {@code --name=value} options, and the rest for the applications. */
    record Options(String role, Map<String, String> values, List<String> passThrough) {

        private static final List<String> OWN = List.of("log-dir", "kafka-port", "controller-port", "postgres-port",
                "auth-port", "gateway-port", "verification-port", "registry-port", "trading-port", "port");

        static Options parse(String[] args) {
            if (args.length == 0) {
                throw new IllegalArgumentException("usage: FaultNode kafka|infra|registry|trading --name=value ...");
            }
            Map<String, String> values = new java.util.HashMap<>();
            List<String> rest = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                int eq = arg.indexOf('=');
                String name = arg.startsWith("--") && eq > 2 ? arg.substring(2, eq) : "";
                if (OWN.contains(name)) {
                    values.put(name, arg.substring(eq + 1));
                } else {
                    rest.add(arg);
                }
            }
            return new Options(args[0], values, rest);
        }

        String required(String name) {
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException(role + " needs --" + name + "=...");
            }
            return value;
        }

        int port(String name) {
            return Integer.parseInt(required(name));
        }
    }
}
