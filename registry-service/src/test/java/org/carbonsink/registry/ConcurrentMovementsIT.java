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
import org.carbonsink.contracts.MonitoringReportVerified;
import org.carbonsink.contracts.Topics;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * 64 holders' requests race for the same 100 serials through the HTTP API: half transfer them to 32
 * different accounts, half retire them. The account and serial-block row locks let exactly one
 * through; every other request is refused as designed (422, the credits are gone) and never with a
 * 5xx or the database's last-line constraint, and every serial ends up in exactly one place.
 * Without the row locks, the losers trip over the winner's blocks and fail with 500s.
 */
class ConcurrentMovementsIT extends RegistryIT {

    static final int THREADS = 64;

    @Autowired
    JdbcClient jdbc;

    record Outcome(int status, String type, String body) {
    }

    @Test
    void exactlyOneOf64ConcurrentTransfersAndRetirementsOfTheSameSerialsSucceeds() throws Exception {
        JsonNode ownerNode = registerParticipant("Inner Mongolia Grassland Co.", "PROJECT_OWNER");
        UUID owner = id(ownerNode);
        UUID account = UUID.fromString(ownerNode.get("accountId").asString());
        List<UUID> receivers = new ArrayList<>();
        for (int i = 0; i < THREADS / 2; i++) {
            receivers.add(UUID.fromString(registerParticipant("Receiver " + i, "TRADER").get("accountId").asString()));
        }
        UUID projectId = id(registeredProject(owner));
        TestEvents.send(Topics.VERIFICATION_REPORTS, projectId.toString(), new MonitoringReportVerified(
                UUID.randomUUID(), Instant.now(), UUID.randomUUID(), projectId, owner, UUID.randomUUID(),
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), 2024, new BigDecimal("1000.0000"), 1000, 100));
        await().atMost(EVENTUALLY).until(() -> jdbc.sql("select count(*) from serial_block where account_id = :a")
                .param("a", account).query(Long.class).single() == 1);
        long first = jdbc.sql("select first_serial from serial_block where account_id = :a").param("a", account)
                .query(Long.class).single();
        long last = first + 99;

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Outcome>> futures = new ArrayList<>();
        boolean retirementWon;
        try {
            for (int i = 0; i < THREADS; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    ApiClient client = api().as(owner, "PROJECT_OWNER");
                    start.await();
                    var response = n % 2 == 0
                            ? client.post("/accounts/" + account + "/transfers", Map.of("toAccountId",
                                    receivers.get(n / 2), "projectId", projectId, "vintage", 2024,
                                    "firstSerial", first, "lastSerial", last))
                            : client.post("/accounts/" + account + "/retirements", Map.of("projectId", projectId,
                                    "vintage", 2024, "firstSerial", first, "lastSerial", last,
                                    "beneficiary", "Racer " + n, "purpose", "VOLUNTARY_OFFSET"));
                    return new Outcome(response.status(), response.status() >= 400
                            ? response.json().path("type").asString() : null, response.body());
                }));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }

            assertThat(outcomes).filteredOn(o -> o.status() >= 500).as("no 5xx").isEmpty();
            assertThat(outcomes).filteredOn(o -> o.status() == 201).as("exactly one wins").hasSize(1);
            // odd threads retire, even ones transfer
            retirementWon = outcomes.indexOf(outcomes.stream().filter(o -> o.status() == 201).findFirst().orElseThrow())
                    % 2 == 1;
            assertThat(outcomes).filteredOn(o -> o.status() != 201)
                    .allSatisfy(o -> {
                        assertThat(o.status()).as(o.body()).isIn(409, 422);
                        assertThat(o.type()).as("refused by the ledger's rule, not the database's backstop: %s",
                                o.body()).isEqualTo("urn:carbonsink:problem:insufficient-credits");
                    });
        } finally {
            pool.shutdownNow();
        }

        // every one of the 100 serials is in exactly one block, all in one place
        List<Map<String, Object>> covering = jdbc.sql("select account_id, state, first_serial, last_serial "
                + "from serial_block where first_serial <= :last and last_serial >= :first")
                .param("first", first).param("last", last).query().listOfRows();
        assertThat(covering.stream().mapToLong(r -> Math.min((long) r.get("last_serial"), last)
                - Math.max((long) r.get("first_serial"), first) + 1).sum()).isEqualTo(100);
        assertThat(covering.stream().map(r -> r.get("account_id") + "/" + r.get("state")).distinct()).hasSize(1);
        if (retirementWon) {
            // retired where they were held: they stay in the owner's account, as RETIRED
            assertThat(covering.get(0).get("account_id")).isEqualTo(account);
            assertThat(covering.get(0).get("state")).isEqualTo("RETIRED");
        } else {
            assertThat(covering.get(0).get("account_id")).isNotEqualTo(account);
            assertThat(covering.get(0).get("state")).isEqualTo("AVAILABLE");
        }
        JsonNode check = admin().get("/ledger/check?projectId=" + projectId).expect(200);
        assertThat(check.get("sound").asBoolean()).as(check.toString()).isTrue();
        assertThat(check.get("balances").get(0).get("available").asLong()
                + check.get("balances").get(0).get("retired").asLong()).isEqualTo(900);
    }
}
