package org.carbonsink.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    /** A response of more than 2 KB, which PostgreSQL keeps out of line (V0_11: uncompressed), comes back as sent. */
    @Test
    void aLargeResponseIsReplayedAsItWasFirstSent() {
        ApiClient api = new ApiClient("http://127.0.0.1:" + port).as(UUID.randomUUID())
                .withHeader("Idempotency-Key", "large-" + UUID.randomUUID());
        String name = "碳汇-" + "sink credit ".repeat(2_000) + UUID.randomUUID();

        var first = api.post("/samples", Map.of("name", name));
        var retry = api.post("/samples", Map.of("name", name));

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body()).contains(name);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(effects(name)).isEqualTo(1);
    }

    @Test
    void aCommandThatRecordsItsOwnKeyGetsTheRequestHashAndTheFilterKeepsNothing() {
        ApiClient api = new ApiClient("http://127.0.0.1:" + port).as(UUID.randomUUID());
        ApiClient keyed = api.withHeader("Idempotency-Key", "self-recorded-" + UUID.randomUUID());

        var withoutKey = api.withoutIdempotencyKey().post("/self-recorded-samples", Map.of("name", "self-0"));
        var first = keyed.post("/self-recorded-samples", Map.of("name", "self-1"));
        var repeat = keyed.post("/self-recorded-samples", Map.of("name", "self-1"));
        var other = keyed.post("/self-recorded-samples", Map.of("name", "self-2"));

        assertThat(withoutKey.status()).isEqualTo(428);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("requestHash").asString()).matches("[0-9a-f]{64}");
        assertThat(repeat.status()).as("the command answers repeats, not the filter").isEqualTo(201);
        assertThat(repeat.header("Idempotent-Replayed")).isNull();
        assertThat(repeat.json().get("requestHash").asString()).isEqualTo(first.json().get("requestHash").asString());
        assertThat(other.json().get("requestHash").asString()).isNotEqualTo(first.json().get("requestHash").asString());
        assertThat(effects("self-0")).isZero();
        assertThat(effects("self-1")).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from idempotent_request where idempotency_key like 'self-recorded-%'")
                .query(Long.class).single()).isZero();
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
        anyone.as(caller).withoutIdempotencyKey().post("/samples", Map.of("name", "no-key")).expect(201);
        anyone.as(caller).withoutIdempotencyKey().post("/samples", Map.of("name", "no-key")).expect(201);

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

    @Test
    void aCommandDeclaredToNeedAKeyIsRefusedWithoutOneAndChangesNothing() {
        var response = new ApiClient("http://127.0.0.1:" + port).as(UUID.randomUUID()).withoutIdempotencyKey()
                .post("/transactional-samples", Map.of("name", "keyless"));

        assertThat(response.status()).isEqualTo(428);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:idempotency-key-required");
        assertThat(response.json().get("detail").asString()).contains("Idempotency-Key");
        assertThat(effects("keyless")).isZero();
    }

    /** The header is the field at fault: its problems name it and the rule, as a body's invalid field is named. */
    @Test
    void aMissingOrMalformedKeyIsRefusedNamingTheHeaderAndItsRule() {
        ApiClient api = new ApiClient("http://127.0.0.1:" + port).as(UUID.randomUUID());

        var missing = api.withoutIdempotencyKey().post("/transactional-samples", Map.of("name", "header-missing"));
        var blank = api.withIdempotencyKey("").post("/transactional-samples", Map.of("name", "header-blank"));
        var tooLong = api.withIdempotencyKey("k".repeat(256)).post("/transactional-samples",
                Map.of("name", "header-too-long"));

        assertThat(missing.status()).isEqualTo(428);
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(missing.json().get("errors").get(0).get("rule").asString()).isEqualTo("required");
        for (var malformed : List.of(blank, tooLong)) {
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:validation");
            assertThat(malformed.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
            assertThat(malformed.json().get("errors").get(0).get("rule").asString()).isEqualTo("length");
            assertThat(malformed.json().get("errors").get(0).get("message").asString())
                    .isEqualTo("must be 1 to 255 characters");
        }
        assertThat(effects("header-missing") + effects("header-blank") + effects("header-too-long")).isZero();
    }

    @Test
    void aCommandThatFailsAfterWritingLeavesNeitherItsEffectNorItsKeySoTheRetryRuns() {
        UUID caller = UUID.randomUUID();
        String name = "fails-once-" + UUID.randomUUID();
        ApiClient api = new ApiClient("http://127.0.0.1:" + port).as(caller).withHeader("Idempotency-Key", name);
        SampleApplication.FAIL_ONCE.add(name);

        var failed = api.post("/transactional-samples", Map.of("name", name));

        assertThat(failed.status()).isEqualTo(500);
        assertThat(effects(name)).isZero();
        assertThat(storedKeys(caller, name)).isZero();

        var retry = api.post("/transactional-samples", Map.of("name", name));

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isNull();
        assertThat(effects(name)).isEqualTo(1);
        assertThat(jdbc.sql("select status from idempotent_request where caller = :caller and idempotency_key = :key")
                .param("caller", caller.toString()).param("key", name).query(Integer.class).single()).isEqualTo(201);
    }

    @Test
    void aCommandRefusedAfterWritingKeepsItsRefusalButNotItsEffect() {
        String name = "refused-after-writing-" + UUID.randomUUID();
        ApiClient api = new ApiClient("http://127.0.0.1:" + port).as(UUID.randomUUID())
                .withHeader("Idempotency-Key", name);

        var refused = api.post("/transactional-samples", Map.of("name", name));
        var retry = api.post("/transactional-samples", Map.of("name", name));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:sample-refused");
        assertThat(retry.status()).isEqualTo(422);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(refused.body());
        assertThat(effects(name)).isZero();
    }

    @Test
    void concurrentDuplicatesRunTheCommandOnceAndAllGetItsResponse() throws Exception {
        String name = "held-" + UUID.randomUUID();
        CountDownLatch gate = new CountDownLatch(1);
        SampleApplication.HELD.put(name, gate);
        ApiClient api = new ApiClient("http://127.0.0.1:" + port).as(UUID.randomUUID())
                .withHeader("Idempotency-Key", name);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<ApiClient.Response> responses = new ArrayList<>();
        try {
            List<Future<ApiClient.Response>> duplicates = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                duplicates.add(pool.submit(() -> api.post("/transactional-samples", Map.of("name", name))));
            }
            // the first holds its key's row while its command waits at the gate; the other three wait on that row
            await().atMost(Duration.ofSeconds(30)).until(this::requestsWaitingOnALock, waiting -> waiting >= 3);
            gate.countDown();
            for (Future<ApiClient.Response> response : duplicates) {
                responses.add(response.get());
            }
        } finally {
            gate.countDown();
            SampleApplication.HELD.remove(name);
            pool.shutdown();
        }

        assertThat(responses).extracting(ApiClient.Response::status).containsOnly(201);
        assertThat(responses).extracting(ApiClient.Response::body).containsOnly(responses.get(0).body());
        assertThat(responses).filteredOn(r -> "true".equals(r.header("Idempotent-Replayed"))).hasSize(3);
        assertThat(effects(name)).isEqualTo(1);
    }

    @Test
    void aRetryAfterTheRequestDiedRunsOnceItsClaimHasLapsed() {
        UUID caller = UUID.randomUUID();
        String name = "died-" + UUID.randomUUID();
        ApiClient api = ranThenDied(caller, name, "now() - interval '1 second'");

        var retry = api.post("/samples", Map.of("name", name));

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isNull();
        assertThat(effects(name)).isEqualTo(2);
        var replay = api.post("/samples", Map.of("name", name));
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.body()).isEqualTo(retry.body());
    }

    @Test
    void aRetryWhileTheClaimIsLiveIsToldWhenToComeBackAndChangesNothing() {
        UUID caller = UUID.randomUUID();
        String name = "running-" + UUID.randomUUID();
        ApiClient api = ranThenDied(caller, name, "now() + interval '1 minute'");

        var retry = api.post("/samples", Map.of("name", name));

        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:request-in-progress");
        assertThat(Integer.parseInt(retry.header("Retry-After"))).isBetween(1, 60);
        assertThat(effects(name)).isEqualTo(1);
    }

    @Test
    void aLapsedClaimIsNotTakenOverByADifferentRequest() {
        UUID caller = UUID.randomUUID();
        String name = "died-then-reused-" + UUID.randomUUID();
        ApiClient api = ranThenDied(caller, name, "now() - interval '1 second'");

        var other = api.post("/samples", Map.of("name", name + "-other"));

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:idempotency-key-reused");
        assertThat(effects(name + "-other")).isZero();
        assertThat(jdbc.sql("select status is null and claimed_until < now() from idempotent_request"
                + " where caller = :caller and idempotency_key = :key").param("caller", caller.toString())
                .param("key", name).query(Boolean.class).single()).as("the claim is left as it was").isTrue();
    }

    /**
     * Runs a sample named {@code name} with that key, then leaves its key as a process killed after
     * the command ran, before it stored the response, would: in progress, claimed until
     * {@code claimedUntil}.
     */
    private ApiClient ranThenDied(UUID caller, String name, String claimedUntil) {
        ApiClient api = new ApiClient("http://127.0.0.1:" + port).as(caller).withHeader("Idempotency-Key", name);
        api.post("/samples", Map.of("name", name)).expect(201);
        jdbc.sql("update idempotent_request set status = null, content_type = null, response_body = null, location = null,"
                + " claimed_until = " + claimedUntil + " where caller = :caller and idempotency_key = :key")
                .param("caller", caller.toString()).param("key", name).update();
        return api;
    }

    private long storedKeys(UUID caller, String key) {
        return jdbc.sql("select count(*) from idempotent_request where caller = :caller and idempotency_key = :key")
                .param("caller", caller.toString()).param("key", key).query(Long.class).single();
    }

    private long requestsWaitingOnALock() {
        return jdbc.sql("select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'")
                .query(Long.class).single();
    }

    private long effects(String name) {
        return jdbc.sql("select count(*) from sample_effect where name = :name").param("name", name)
                .query(Long.class).single();
    }
}
