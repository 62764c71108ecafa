package org.carbonsink.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.carbonsink.contracts.CreditHoldRejected;
import org.carbonsink.contracts.CreditHoldRequested;
import org.carbonsink.contracts.MonitoringReportVerified;
import org.carbonsink.contracts.Topics;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A suspended project's credits do not move until it resumes; a revoked project's are cancelled. */
class FrozenCreditsIT extends RegistryIT {

    @Test
    void suspensionFreezesMovementsResumptionThawsThemAndRevocationCancelsWhatIsLeft() {
        JsonNode ownerNode = registerParticipant("Hunan Camphor Co.", "PROJECT_OWNER");
        UUID owner = id(ownerNode);
        UUID account = UUID.fromString(ownerNode.get("accountId").asString());
        JsonNode buyerNode = registerParticipant("Changsha Buyer", "TRADER");
        UUID buyerAccount = UUID.fromString(buyerNode.get("accountId").asString());
        UUID projectId = id(registeredProject(owner));
        TestEvents.send(Topics.VERIFICATION_REPORTS, projectId.toString(), new MonitoringReportVerified(
                UUID.randomUUID(), Instant.now(), UUID.randomUUID(), projectId, owner, UUID.randomUUID(),
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), 2024, new BigDecimal("200"), 200, 20));
        await().atMost(EVENTUALLY).until(() -> available(owner, account) == 180);
        ApiClient asOwner = api().as(owner, "PROJECT_OWNER");

        admin().post("/projects/" + projectId + "/suspension", Map.of("reason", "Inspection of plot data"))
                .expect(200);

        var transfer = asOwner.post("/accounts/" + account + "/transfers", Map.of("toAccountId", buyerAccount,
                "projectId", projectId, "vintage", 2024, "quantity", 10));
        var retire = asOwner.post("/accounts/" + account + "/retirements", Map.of("projectId", projectId,
                "vintage", 2024, "quantity", 10, "beneficiary", "X", "purpose", "VOLUNTARY_OFFSET"));
        var cancel = asOwner.post("/accounts/" + account + "/cancellations", Map.of("projectId", projectId,
                "vintage", 2024, "quantity", 10, "reason", "Moved to another programme"));
        for (var refused : java.util.List.of(transfer, retire, cancel)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:project-frozen");
            assertThat(refused.json().get("detail").asString()).contains("SUSPENDED");
        }
        UUID holdId = UUID.randomUUID();
        TestEvents.send(Topics.TRADING_ORDERS, "I-" + holdId, new CreditHoldRequested(UUID.randomUUID(),
                Instant.now(), holdId, "I-" + holdId, owner, projectId, 2024, 10));
        assertThat(TestEvents.await(Topics.REGISTRY_HOLDS, CreditHoldRejected.class, e -> e.holdId().equals(holdId),
                EVENTUALLY)).singleElement().satisfies(e -> assertThat(e.reason()).contains("SUSPENDED"));
        assertThat(available(owner, account)).isEqualTo(180);

        admin().post("/projects/" + projectId + "/resumption", Map.of("reason", "Plot data confirmed")).expect(200);
        asOwner.post("/accounts/" + account + "/transfers", Map.of("toAccountId", buyerAccount, "projectId", projectId,
                "vintage", 2024, "quantity", 10)).expect(201);

        JsonNode revoked = admin().post("/projects/" + projectId + "/revocation",
                Map.of("reason", "Fraudulent plot data")).expect(200);
        assertThat(revoked.get("cancelledCredits").asLong()).isEqualTo(170 + 10 + 20);
        assertThat(api().get("/cancellations?kind=REVOCATION&projectId=" + projectId).expect(200).get("items")
                .findValuesAsString("reason")).containsOnly("Fraudulent plot data").hasSize(3);
        var afterRevocation = asOwner.post("/accounts/" + account + "/retirements", Map.of("projectId", projectId,
                "vintage", 2024, "quantity", 1, "beneficiary", "X", "purpose", "VOLUNTARY_OFFSET"));
        assertThat(afterRevocation.status()).isEqualTo(409);
        assertThat(afterRevocation.json().get("detail").asString()).contains("REVOKED");
        JsonNode check = admin().get("/ledger/check?projectId=" + projectId).expect(200);
        assertThat(check.get("sound").asBoolean()).as(check.toString()).isTrue();
        assertThat(check.get("balances").get(0).get("cancelled").asLong()).isEqualTo(200);
    }

    private long available(UUID holder, UUID account) {
        long total = 0;
        for (JsonNode h : api().as(holder).get("/accounts/" + account).expect(200).get("holdings")) {
            total += h.get("available").asLong();
        }
        return total;
    }
}
