package org.carbonsink.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.carbonsink.auth.AuthServerApplication;
import org.carbonsink.gateway.GatewayApplication;
import org.carbonsink.testsupport.InProcessKafkaBroker;
import org.carbonsink.registry.RegistryApplication;
import org.carbonsink.trading.TradingApplication;
import org.carbonsink.verification.VerificationApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The authorization server, the three services and the gateway, each a Spring application of its
 * own in this JVM. The authorization server starts first (everyone else checks tokens against its
 * keys), then the services together, then the gateway once it knows their ports. {@link #start}
 * returns when every one answers its health endpoint with UP.
 */
public final class Services implements AutoCloseable {

    /** Ports to listen on; 0 picks a free one. */
    public record Ports(int gateway, int registry, int verification, int trading, int auth) {

        public static Ports random() {
            return new Ports(0, 0, 0, 0, 0);
        }

        public static Ports standard() {
            return new Ports(8080, 8081, 8082, 8083, 9000);
        }
    }

    /**
     * Auto-configuration of the other applications that is on this shared classpath: the
     * gateway's (it refuses to run beside Spring MVC) and the authorization server's (it would add
     * a second token decoder to every service).
     */
    private static final String FOREIGN_AUTO_CONFIGURATION = String.join(",",
            "org.springframework.cloud.gateway.config.GatewayClassPathWarningAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration");

    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final Map<String, String> urls = new LinkedHashMap<>();
    /** Where each application answers its health: the management port of the gateway and services. */
    private final Map<String, String> healthUrls = new LinkedHashMap<>();

    private Services() {
    }

    /**
     * Starts the services on their databases and the broker, then the gateway in front of them.
     * {@code extraArguments} go to every application (e.g. logging levels).
     */
    public static Services start(Map<String, Database> databases, String kafkaBootstrapServers, Ports ports,
            List<String> extraArguments) {
        Services services = new Services();
        try {
            int authPort = ports.auth() == 0 ? InProcessKafkaBroker.freePort() : ports.auth();
            String issuer = "http://127.0.0.1:" + authPort;
            List<String> authArguments = new ArrayList<>(extraArguments);
            authArguments.add("--server.port=" + authPort);
            authArguments.add("--AUTH_ISSUER=" + issuer);
            // the OpenTelemetry starter is on this shared classpath; metrics are scraped, never pushed
            authArguments.add("--management.otlp.metrics.export.enabled=false");
            services.add("auth", run(AuthServerApplication::application, authArguments));
            List<String> tokenArguments = List.of("--carbonsink.security.issuer=" + issuer,
                    "--carbonsink.security.jwks-uri=" + issuer + "/oauth2/jwks");
            extraArguments = new ArrayList<>(extraArguments);
            extraArguments.addAll(tokenArguments);
            List<String> common = extraArguments;
            var registry = CompletableFuture.supplyAsync(() -> run(RegistryApplication::application,
                    serviceArguments(databases.get("registry"), kafkaBootstrapServers, ports.registry(), common)));
            var verification = CompletableFuture.supplyAsync(() -> run(VerificationApplication::application,
                    serviceArguments(databases.get("verification"), kafkaBootstrapServers, ports.verification(),
                            common)));
            var trading = CompletableFuture.supplyAsync(() -> run(TradingApplication::application,
                    serviceArguments(databases.get("trading"), kafkaBootstrapServers, ports.trading(), common)));
            services.add("registry", registry.join());
            services.add("verification", verification.join());
            services.add("trading", trading.join());

            List<String> gatewayArguments = new ArrayList<>(common);
            gatewayArguments.add("--server.port=" + ports.gateway());
            gatewayArguments.addAll(managementPort(ports.gateway()));
            gatewayArguments.add("--REGISTRY_URL=" + services.urls.get("registry"));
            gatewayArguments.add("--VERIFICATION_URL=" + services.urls.get("verification"));
            gatewayArguments.add("--TRADING_URL=" + services.urls.get("trading"));
            services.add("gateway", run(GatewayApplication::application, gatewayArguments));
            services.healthUrls.values().forEach(url -> awaitHealthy(url, Duration.ofSeconds(60)));
            return services;
        } catch (RuntimeException e) {
            services.close();
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Base URLs by name: auth, gateway, registry, verification, trading. */
    public Map<String, String> urls() {
        return Map.copyOf(urls);
    }

    /** Actuator base URLs (Prometheus, health) of the gateway and the services, by name. */
    public Map<String, String> managementUrls() {
        Map<String, String> management = new LinkedHashMap<>();
        healthUrls.forEach((name, url) -> {
            if (!name.equals("auth")) {
                management.put(name, url.substring(0, url.length() - "/health/readiness".length()));
            }
        });
        return management;
    }

    public String gatewayUrl() {
        return urls.get("gateway");
    }

    public String authUrl() {
        return urls.get("auth");
    }

    /** Stops the gateway first, then the services. */
    @Override
    public void close() {
        for (int i = contexts.size() - 1; i >= 0; i--) {
            contexts.get(i).close();
        }
        contexts.clear();
    }

    private void add(String name, ConfigurableApplicationContext context) {
        contexts.add(context);
        urls.put(name, "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
        healthUrls.put(name, healthUrl(context));
    }

    /**
     * Where a running application answers its health: readiness on its management port when it has one
     * (the gateway and the services), otherwise the actuator on its server port (the auth server).
     */
    public static String healthUrl(ConfigurableApplicationContext context) {
        String management = context.getEnvironment().getProperty("local.management.port");
        return management == null
                ? "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + "/actuator/health"
                : "http://127.0.0.1:" + management + "/actuator/health/readiness";
    }

    /** The arguments of one service on its database and the broker, listening on {@code port}. */
    public static List<String> serviceArguments(Database db, String kafka, int port, List<String> extra) {
        List<String> args = new ArrayList<>(extra);
        args.add("--spring.autoconfigure.exclude=" + FOREIGN_AUTO_CONFIGURATION);
        args.add("--spring.cloud.gateway.server.webflux.enabled=false");
        args.add("--spring.datasource.url=" + db.jdbcUrl());
        args.add("--spring.datasource.username=" + db.username());
        args.add("--spring.datasource.password=" + db.password());
        args.add("--spring.kafka.bootstrap-servers=" + kafka);
        args.add("--server.port=" + port);
        args.addAll(managementPort(port));
        return args;
    }

    /**
     * The management port (Prometheus, health): on the standard ports 9080 (gateway) to 9083, as in
     * Docker Compose; otherwise random, so that stacks side by side do not collide.
     */
    private static List<String> managementPort(int port) {
        boolean standard = port >= 8080 && port <= 8083;
        return List.of("--management.server.port=" + (standard ? port + 1000 : 0));
    }

    /**
     * Held by an application from its start until its context is prepared: the applications of this JVM
     * share one Logback context, which each resets while its environment is prepared, and two resets at
     * once fail (ConcurrentModificationException in Logback). Their beans are still created side by side.
     */
    private static final ReentrantLock PREPARING = new ReentrantLock();

    /** Runs one application; it is stopped by closing the context it returns. */
    public static ConfigurableApplicationContext run(Supplier<SpringApplication> application, List<String> args) {
        SpringApplication app = application.get();
        app.setRegisterShutdownHook(false);
        app.addListeners(event -> {
            if (event instanceof ApplicationPreparedEvent && PREPARING.isHeldByCurrentThread()) {
                PREPARING.unlock();
            }
        });
        PREPARING.lock();
        try {
            return app.run(args.toArray(String[]::new));
        } finally {
            if (PREPARING.isHeldByCurrentThread()) {
                PREPARING.unlock();
            }
        }
    }


    public static void awaitHealthy(String healthUrl, Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(healthUrl))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (Exception e) {
                last = e.toString();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(healthUrl + " did not report healthy within " + timeout + ": " + last);
    }
}
