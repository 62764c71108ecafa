package org.carbonsink.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.carbonsink.contracts.MonitoringReportVerified;
import org.carbonsink.contracts.Topics;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.TestEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Races of requests for the same 100 serials on real threads and real PostgreSQL: the owner's one
 * block of a fresh issuance, the requests started together, and where every serial ended up.
 */
abstract class RaceIT extends RegistryIT {

    @Autowired
    JdbcClient jdbc;

    record Outcome(int status, String type, String body) {
    }

    /** An owner whose account holds one block of 900 credits of vintage 2024; the race is for its first 100. */
    record Contested(UUID owner, UUID account, UUID projectId, long first, long last) {
    }

    Contested contested(String ownerName) {
        JsonNode ownerNode = registerParticipant(ownerName, "PROJECT_OWNER");
        UUID owner = id(ownerNode);
        UUID account = UUID.fromString(ownerNode.get("accountId").asString());
        UUID projectId = id(registeredProject(owner));
        TestEvents.send(Topics.VERIFICATION_REPORTS, projectId.toString(), new MonitoringReportVerified(
                UUID.randomUUID(), Instant.now(), UUID.randomUUID(), projectId, owner, UUID.randomUUID(),
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), 2024, new BigDecimal("1000.0000"), 1000, 100));
        await().atMost(EVENTUALLY).until(() -> jdbc.sql("select count(*) from serial_block where account_id = :a")
                .param("a", account).query(Long.class).single() == 1);
        long first = jdbc.sql("select first_serial from serial_block where account_id = :a").param("a", account)
                .query(Long.class).single();
        return new Contested(owner, account, projectId, first, first + 99);
    }

    /** Runs {@code threads} requests (request n by {@code request.apply(n)}) at once; their outcomes in order. */
    List<Outcome> race(int threads, IntFunction<ApiClient.Response> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Outcome>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    ApiClient.Response response = request.apply(n);
                    return new Outcome(response.status(), response.status() >= 400
                            ? response.json().path("type").asString() : null, response.body());
                }));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Exactly one request won, none failed with a 5xx; answers the index of the winner. */
    static int exactlyOneWon(List<Outcome> outcomes) {
        assertThat(outcomes).filteredOn(o -> o.status() >= 500).as("no 5xx").isEmpty();
        assertThat(outcomes).filteredOn(o -> o.status() == 201).as("exactly one wins").hasSize(1);
        return outcomes.indexOf(outcomes.stream().filter(o -> o.status() == 201).findFirst().orElseThrow());
    }

    /** Every one of the contested serials is in exactly one block, all in one place: the blocks covering them. */
    List<Map<String, Object>> inOnePlace(Contested c) {
        List<Map<String, Object>> covering = jdbc.sql("select account_id, state, first_serial, last_serial "
                + "from serial_block where first_serial <= :last and last_serial >= :first")
                .param("first", c.first()).param("last", c.last()).query().listOfRows();
        assertThat(covering.stream().mapToLong(r -> Math.min((long) r.get("last_serial"), c.last())
                - Math.max((long) r.get("first_serial"), c.first()) + 1).sum()).isEqualTo(100);
        assertThat(covering.stream().map(r -> r.get("account_id") + "/" + r.get("state")).distinct()).hasSize(1);
        return covering;
    }
}
