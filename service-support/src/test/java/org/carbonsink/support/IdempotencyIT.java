package org.carbonsink.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A command retried with the same Idempotency-Key runs once, on real PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdempotencyIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.springProperties("support_idempotency").forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aRetryWithTheSameKeyGetsTheFirstResponseAndChangesNothing() {
        UUID caller = UUID.randomUUID();
        ApiClient api = new ApiClient("http://127.0.0.1:" + port).as(caller).withHeader("Idempotency-Key", "order-42");

        var first = api.post("/samples", Map.of("name", "retried"));
        var retry = api.post("/samples", Map.of("name", "retried"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(effects("retried")).isEqualTo(1);
    }

    @Test
    void theSameKeyForADifferentRequestIsRefused() {
        ApiClient api = new ApiClient("http://127.0.0.1:" + port).as(UUID.randomUUID())
                .withHeader("Idempotency-Key", "reused");
        api.post("/samples", Map.of("name", "original")).expect(201);

        var other = api.post("/samples", Map.of("name", "something else"));

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:idempotency-key-reused");
        assertThat(effects("something else")).isZero();
    }

    @Test
    void keysBelongToTheirCallerAndRequestsWithoutAKeyAlwaysRun() {
        ApiClient anyone = new ApiClient("http://127.0.0.1:" + port);
        anyone.as(UUID.randomUUID()).withHeader("Idempotency-Key", "shared").post("/samples", Map.of("name", "per-caller"))
                .expect(201);
        anyone.as(UUID.randomUUID()).withHeader("Idempotency-Key", "shared").post("/samples", Map.of("name", "per-caller"))
                .expect(201);
        UUID caller = UUID.randomUUID();
        anyone.as(caller).post("/samples", Map.of("name", "no-key")).expect(201);
        anyone.as(caller).post("/samples", Map.of("name", "no-key")).expect(201);

        assertThat(effects("per-caller")).isEqualTo(2);
        assertThat(effects("no-key")).isEqualTo(2);
    }

    @Test
    void aRefusedRequestIsKeptSoItsRetryIsRefusedTheSameWay() {
        ApiClient api = new ApiClient("http://127.0.0.1:" + port).as(UUID.randomUUID())
                .withHeader("Idempotency-Key", "invalid-once");

        var first = api.post("/samples", Map.of("name", " "));
        var retry = api.post("/samples", Map.of("name", " "));

        assertThat(first.status()).isEqualTo(400);
        assertThat(retry.status()).isEqualTo(400);
        assertThat(retry.body()).isEqualTo(first.body());
    }

    private long effects(String name) {
        return jdbc.sql("select count(*) from sample_effect where name = :name").param("name", name)
                .query(Long.class).single();
    }
}
