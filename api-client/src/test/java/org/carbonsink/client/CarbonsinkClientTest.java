package org.carbonsink.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.carbonsink.client.registry.ApiException;
import org.carbonsink.client.registry.api.ParticipantApi;
import org.carbonsink.client.registry.api.ProjectApi;
import org.carbonsink.client.registry.model.RegisterParticipantRequest;
import org.carbonsink.client.trading.api.OrderApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generated clients as set up for the gateway: paths, token, and an Idempotency-Key on every POST. */
class CarbonsinkClientTest {

    record Received(String method, String path, String authorization, String idempotencyKey, String accept) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    HttpServer gateway;
    int status = 200;

    @BeforeEach
    void start() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/", this::answer);
        gateway.start();
    }

    @AfterEach
    void stop() {
        gateway.stop(0);
    }

    @Test
    void everyPostCarriesAFreshIdempotencyKeyAndNoReadDoes() throws Exception {
        CarbonsinkClient admin = client().as("token-of-admin");
        RegisterParticipantRequest participant = new RegisterParticipantRequest().subject(UUID.randomUUID())
                .name("Qiandongnan Forestry Co.").role(RegisterParticipantRequest.RoleEnum.PROJECT_OWNER);

        admin.registry(ParticipantApi::new).registerParticipant(participant);
        admin.registry(ParticipantApi::new).registerParticipant(participant);
        admin.registry(ProjectApi::new).getProject(UUID.fromString("6b1f2e4a-3c5d-4e7f-8a9b-0c1d2e3f4a51"));

        assertThat(received).extracting(Received::method, Received::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("POST", "/api/registry/participants"),
                org.assertj.core.groups.Tuple.tuple("POST", "/api/registry/participants"),
                org.assertj.core.groups.Tuple.tuple("GET", "/api/registry/projects/6b1f2e4a-3c5d-4e7f-8a9b-0c1d2e3f4a51"));
        assertThat(received.get(0).idempotencyKey()).matches("[0-9a-f-]{36}");
        assertThat(received.get(1).idempotencyKey()).matches("[0-9a-f-]{36}").isNotEqualTo(received.get(0).idempotencyKey());
        assertThat(received.get(2).idempotencyKey()).isNull();
        assertThat(received).extracting(Received::authorization).containsOnly("Bearer token-of-admin");
    }

    @Test
    void asksForJsonWhereTheDescriptionOffersAnyTypeOrCsv() throws Exception {
        client().registry(org.carbonsink.client.registry.api.IssuanceApi::new).listIssuance(null, null, null);
        client().registry(ProjectApi::new).getProject(UUID.randomUUID());

        assertThat(received).extracting(Received::accept)
                .containsOnly("application/json, application/problem+json");
    }

    @Test
    void aRetryOfOneCommandMayKeepItsKey() throws Exception {
        CarbonsinkClient retrying = client().as("token").withIdempotencyKey("order-2026-0001");

        retrying.trading(OrderApi::new).cancelOrder(UUID.randomUUID());
        retrying.trading(OrderApi::new).cancelOrder(UUID.randomUUID());

        assertThat(received).extracting(Received::idempotencyKey).containsOnly("order-2026-0001");
        assertThat(received).allSatisfy(r -> assertThat(r.path()).startsWith("/api/trading/orders/"));
    }

    @Test
    void anAnonymousCallerSendsNoTokenAndARefusalIsAnExceptionWithTheProblem() {
        status = 401;

        assertThatThrownBy(() -> client().registry(ProjectApi::new).getProject(UUID.randomUUID()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(401);
                    assertThat(e.getResponseBody()).contains("\"status\":401");
                });
        assertThat(received.get(0).authorization()).isNull();
    }

    private CarbonsinkClient client() {
        return CarbonsinkClient.of("http://127.0.0.1:" + gateway.getAddress().getPort() + "/");
    }

    private void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Idempotency-Key"), exchange.getRequestHeaders().getFirst("Accept")));
        byte[] body = (status == 200 ? "{}" : "{\"status\":" + status + ",\"title\":\"Unauthorized\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
