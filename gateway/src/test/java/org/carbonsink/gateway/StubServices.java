package org.carbonsink.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.carbonsink.testsupport.TestTokens;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Stand-ins for the three services that answer {@code {"service": name}} and record every request
 * that reaches them; {@code /slow} answers only once they are closed.
 */
final class StubServices implements AutoCloseable {

    record Received(String service, String method, String uri, Map<String, List<String>> headers) {

        String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final Map<String, HttpServer> servers = Map.of(
            "REGISTRY_URL", start("registry"), "VERIFICATION_URL", start("verification"),
            "TRADING_URL", start("trading"));

    /** Points the gateway's routes at these stand-ins and its token checks at {@link TestTokens}. */
    void register(DynamicPropertyRegistry registry) {
        servers.forEach((property, server) -> registry.add(property,
                () -> "http://127.0.0.1:" + server.getAddress().getPort()));
        TestTokens.springProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    List<Received> received() {
        return received;
    }

    /** What reached the services with this exact path and query (the gateway strips {@code /api/<service>}). */
    List<Received> receivedAt(String uri) {
        return received.stream().filter(r -> r.uri().equals(uri)).toList();
    }

    @Override
    public void close() {
        release.countDown();
        servers.values().forEach(server -> server.stop(0));
    }

    private HttpServer start(String service) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", exchange -> answer(service, exchange));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void answer(String service, HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(exchange.getRequestHeaders());
        received.add(new Received(service, exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers));
        if (exchange.getRequestURI().getPath().equals("/slow")) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = ("{\"service\":\"" + service + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
