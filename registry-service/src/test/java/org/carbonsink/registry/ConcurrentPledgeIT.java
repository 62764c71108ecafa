package org.carbonsink.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 32 requests race for the same 100 serials on real threads and real PostgreSQL: half pledge them
 * to a lender, half transfer them to another holder. The account and serial-block row locks let
 * exactly one through; every other request is refused by the ledger's rule (the credits are gone,
 * or they are pledged and the refusal names the pledge), never with a 5xx, and every serial ends up
 * in exactly one place.
 */
class ConcurrentPledgeIT extends RaceIT {

    static final int THREADS = 32;

    @Test
    void exactlyOneOfConcurrentPledgesAndTransfersOfTheSameSerialsSucceeds() throws Exception {
        Contested c = contested("Qinghai Wetland Co.");
        UUID receiver = UUID.fromString(registerParticipant("Xining Buyer", "TRADER").get("accountId").asString());
        UUID lender = id(registerParticipant("Qinghai Bank", "LENDER"));

        // even threads transfer, odd ones pledge
        List<Outcome> outcomes = race(THREADS, n -> n % 2 == 0
                ? api().as(c.owner(), "PROJECT_OWNER").post("/accounts/" + c.account() + "/transfers", Map.of(
                        "toAccountId", receiver, "projectId", c.projectId(), "vintage", 2024,
                        "firstSerial", c.first(), "lastSerial", c.last()))
                : api().as(c.owner(), "PROJECT_OWNER").post("/pledges", Map.ofEntries(Map.entry("kind", "CREDITS"),
                        Map.entry("accountId", c.account()), Map.entry("projectId", c.projectId()),
                        Map.entry("vintage", 2024), Map.entry("firstSerial", c.first()),
                        Map.entry("lastSerial", c.last()), Map.entry("lenderId", lender),
                        Map.entry("loanReference", "QH-" + n), Map.entry("securedAmount", "100000.00"),
                        Map.entry("currency", "CNY"), Map.entry("maturityDate", "2027-12-31"))));

        boolean pledgeWon = exactlyOneWon(outcomes) % 2 == 1;
        assertThat(outcomes).filteredOn(o -> o.status() != 201).allSatisfy(o -> {
            assertThat(o.status()).as(o.body()).isIn(409, 422);
            assertThat(o.type()).as("refused by the ledger's rule, not the database's backstop: %s", o.body())
                    .isEqualTo(pledgeWon ? "urn:carbonsink:problem:credits-pledged"
                            : "urn:carbonsink:problem:insufficient-credits");
        });
        List<Map<String, Object>> covering = inOnePlace(c);
        long pledges = jdbc.sql("select count(*) from pledge where project_id = :p").param("p", c.projectId())
                .query(Long.class).single();
        if (pledgeWon) {
            assertThat(covering.get(0).get("account_id")).isEqualTo(c.account());
            assertThat(covering.get(0).get("state")).isEqualTo("PLEDGED");
            assertThat(pledges).isEqualTo(1);
        } else {
            assertThat(covering.get(0).get("account_id")).isEqualTo(receiver);
            assertThat(covering.get(0).get("state")).isEqualTo("AVAILABLE");
            assertThat(pledges).isZero();
        }
        JsonNode check = api().get("/ledger/check?projectId=" + c.projectId()).expect(200);
        assertThat(check.get("sound").asBoolean()).as(check.toString()).isTrue();
    }
}
