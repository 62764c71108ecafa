package org.carbonsink.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.SimulatedCrash;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Transfers, retirements, cancellations and reversals cannot be undone: they need an
 * {@code Idempotency-Key}, and the key is stored in the command's own transaction, so a retry
 * after a crash between the commit and the response does not move credits twice.
 */
class CommandIdempotencyIT extends RegistryIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCommandThatCannotBeUndoneIsRefusedWithoutAKeyAndChangesNothing() {
        Holder owner = holder("Jilin Larch Co.", "PROJECT_OWNER");
        Holder buyer = holder("Changchun Auto", "TRADER");
        UUID projectId = projectWithCredits(owner, 2024, 100);
        ApiClient careless = api().as(owner.id(), "PROJECT_OWNER").withoutIdempotencyKey();
        String account = "/accounts/" + owner.account();

        var transfer = careless.post(account + "/transfers",
                Map.of("toAccountId", buyer.account(), "projectId", projectId, "vintage", 2024, "quantity", 5));
        var retirement = careless.post(account + "/retirements", Map.of("projectId", projectId, "vintage", 2024,
                "quantity", 5, "beneficiary", "Jilin Larch Co.", "purpose", "VOLUNTARY_OFFSET"));
        var cancellation = careless.post(account + "/cancellations",
                Map.of("projectId", projectId, "vintage", 2024, "quantity", 5, "reason", "voluntary"));
        var reversal = admin().withoutIdempotencyKey().post("/reversals", Map.of());
        var pledge = careless.post("/pledges", Map.of());

        ApiClient.Response[] refusals = { transfer, retirement, cancellation, reversal, pledge };
        String[] paths = { account + "/transfers", account + "/retirements", account + "/cancellations", "/reversals",
                "/pledges" };
        for (int i = 0; i < refusals.length; i++) {
            var refused = refusals[i];
            assertThat(refused.status()).isEqualTo(428);
            assertThat(refused.json().get("type").asString())
                    .isEqualTo("urn:carbonsink:problem:idempotency-key-required");
            assertThat(refused.json().get("detail").asString()).contains("Idempotency-Key");
            // RFC 9457: the problem names the request it answers, as every other problem of the service does
            assertThat(refused.json().get("instance").asString()).isEqualTo(paths[i]);
        }
        assertThat(holding(owner, "available")).isEqualTo(90);
        assertThat(holding(buyer, "available")).isZero();
    }

    @Test
    void aTransferRetriedAfterACrashBetweenCommitAndResponseMovesTheCreditsOnce() {
        Holder owner = holder("Fujian Bamboo Co.", "PROJECT_OWNER");
        Holder buyer = holder("Xiamen Shipping", "TRADER");
        UUID projectId = projectWithCredits(owner, 2024, 100);
        ApiClient keyed = api().as(owner.id(), "PROJECT_OWNER").withIdempotencyKey("transfer-" + UUID.randomUUID());
        Map<String, Object> transfer = Map.of("toAccountId", buyer.account(), "projectId", projectId, "vintage", 2024,
                "quantity", 30);

        SimulatedCrash.send(() -> keyed.withHeader(SimulatedCrash.HEADER, "true")
                .post("/accounts/" + owner.account() + "/transfers", transfer));
        var retry = keyed.post("/accounts/" + owner.account() + "/transfers", transfer);

        assertThat(retry.status()).isEqualTo(201);
        assertThat(holding(buyer, "available")).isEqualTo(30);
        assertThat(holding(owner, "available")).isEqualTo(60);
        assertThat(jdbc.sql("select count(*) from transfer where from_account_id = :a").param("a", owner.account())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRetirementRetriedWithTheSameKeyGetsTheFirstAnswerAndAnotherBodyIsRefused() {
        Holder owner = holder("Hunan Camphor Co.", "PROJECT_OWNER");
        UUID projectId = projectWithCredits(owner, 2024, 100);
        ApiClient keyed = api().as(owner.id(), "PROJECT_OWNER").withIdempotencyKey("retire-" + UUID.randomUUID());
        String path = "/accounts/" + owner.account() + "/retirements";
        Map<String, Object> retire = Map.of("projectId", projectId, "vintage", 2024, "quantity", 10,
                "beneficiary", "Changsha Metro", "purpose", "VOLUNTARY_OFFSET");

        var first = keyed.post(path, retire);
        var retry = keyed.post(path, retire);
        var otherBody = keyed.post(path, Map.of("projectId", projectId, "vintage", 2024, "quantity", 20,
                "beneficiary", "Changsha Metro", "purpose", "VOLUNTARY_OFFSET"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:idempotency-key-reused");
        assertThat(otherBody.json().get("instance").asString()).isEqualTo(path);
        var tooLong = api().as(owner.id(), "PROJECT_OWNER").withIdempotencyKey("k".repeat(256)).post(path, retire);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("instance").asString()).isEqualTo(path);
        assertThat(holding(owner, "retired")).isEqualTo(10);
    }
}
