package org.carbonsink.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The public reads the ledger check from a summary recomputed at most once per interval (so it cannot
 * make the registry scan the ledger per request); the administrator gets the check run for the request.
 */
class LedgerCheckIT extends RegistryIT {

    @Test
    void thePublicGetsTheSummaryOfItsIntervalAndTheAdministratorTheCheckOfNow() {
        Holder owner = holder("Guangxi Eucalyptus Co.", "PROJECT_OWNER");
        UUID projectId = projectWithCredits(owner, 2024, 100);
        clock.advance(Duration.ofHours(2));

        JsonNode before = api().get("/ledger/check?projectId=" + projectId).expect(200);
        api().as(owner.id(), "PROJECT_OWNER").post("/accounts/" + owner.account() + "/retirements", Map.of(
                "projectId", projectId, "vintage", 2024, "quantity", 10, "beneficiary", "Nanning Metro",
                "purpose", "VOLUNTARY_OFFSET")).expect(201);
        JsonNode anonymous = api().get("/ledger/check?projectId=" + projectId).expect(200);
        JsonNode trader = api().as(UUID.randomUUID(), "TRADER").get("/ledger/check?projectId=" + projectId)
                .expect(200);
        JsonNode administrator = admin().get("/ledger/check?projectId=" + projectId).expect(200);

        assertThat(before.get("summary").asBoolean()).isTrue();
        assertThat(before.get("sound").asBoolean()).isTrue();
        assertThat(before.get("balances")).singleElement().satisfies(b -> {
            assertThat(b.get("issued").asLong()).isEqualTo(100);
            assertThat(b.get("retired").asLong()).isZero();
        });
        // within the interval, anyone but the administrator gets the same summary: the retirement is not in it yet
        assertThat(anonymous).isEqualTo(before);
        assertThat(trader).isEqualTo(before);
        assertThat(administrator.get("summary").asBoolean()).isFalse();
        assertThat(administrator.get("sound").asBoolean()).isTrue();
        assertThat(administrator.get("balances").get(0).get("retired").asLong()).isEqualTo(10);
        assertThat(checkedAt(administrator)).isAfter(checkedAt(before));

        clock.advance(Duration.ofHours(2));
        JsonNode next = api().get("/ledger/check?projectId=" + projectId).expect(200);
        assertThat(checkedAt(next)).isAfter(checkedAt(before));
        assertThat(next.get("balances").get(0).get("retired").asLong()).isEqualTo(10);
    }

    private static Instant checkedAt(JsonNode check) {
        return Instant.parse(check.get("checkedAt").asString());
    }
}
