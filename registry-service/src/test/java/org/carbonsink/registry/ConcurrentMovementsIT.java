package org.carbonsink.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 64 holders' requests race for the same 100 serials through the HTTP API: half transfer them to 32
 * different accounts, half retire them. The account and serial-block row locks let exactly one
 * through; every other request is refused as designed (422, the credits are gone) and never with a
 * 5xx or the database's last-line constraint, and every serial ends up in exactly one place.
 * Without the row locks, the losers trip over the winner's blocks and fail with 500s.
 */
class ConcurrentMovementsIT extends RaceIT {

    static final int THREADS = 64;

    @Test
    void exactlyOneOf64ConcurrentTransfersAndRetirementsOfTheSameSerialsSucceeds() throws Exception {
        Contested c = contested("Inner Mongolia Grassland Co.");
        List<UUID> receivers = new ArrayList<>();
        for (int i = 0; i < THREADS / 2; i++) {
            receivers.add(UUID.fromString(registerParticipant("Receiver " + i, "TRADER").get("accountId").asString()));
        }

        // odd threads retire, even ones transfer
        List<Outcome> outcomes = race(THREADS, n -> n % 2 == 0
                ? api().as(c.owner(), "PROJECT_OWNER").post("/accounts/" + c.account() + "/transfers", Map.of(
                        "toAccountId", receivers.get(n / 2), "projectId", c.projectId(), "vintage", 2024,
                        "firstSerial", c.first(), "lastSerial", c.last()))
                : api().as(c.owner(), "PROJECT_OWNER").post("/accounts/" + c.account() + "/retirements", Map.of(
                        "projectId", c.projectId(), "vintage", 2024, "firstSerial", c.first(),
                        "lastSerial", c.last(), "beneficiary", "Racer " + n, "purpose", "VOLUNTARY_OFFSET")));

        boolean retirementWon = exactlyOneWon(outcomes) % 2 == 1;
        assertThat(outcomes).filteredOn(o -> o.status() != 201)
                .allSatisfy(o -> {
                    assertThat(o.status()).as(o.body()).isIn(409, 422);
                    assertThat(o.type()).as("refused by the ledger's rule, not the database's backstop: %s",
                            o.body()).isEqualTo("urn:carbonsink:problem:insufficient-credits");
                });

        List<Map<String, Object>> covering = inOnePlace(c);
        if (retirementWon) {
            // retired where they were held: they stay in the owner's account, as RETIRED
            assertThat(covering.get(0).get("account_id")).isEqualTo(c.account());
            assertThat(covering.get(0).get("state")).isEqualTo("RETIRED");
        } else {
            assertThat(covering.get(0).get("account_id")).isNotEqualTo(c.account());
            assertThat(covering.get(0).get("state")).isEqualTo("AVAILABLE");
        }
        JsonNode check = admin().get("/ledger/check?projectId=" + c.projectId()).expect(200);
        assertThat(check.get("sound").asBoolean()).as(check.toString()).isTrue();
        assertThat(check.get("balances").get(0).get("available").asLong()
                + check.get("balances").get(0).get("retired").asLong()).isEqualTo(900);
    }
}
