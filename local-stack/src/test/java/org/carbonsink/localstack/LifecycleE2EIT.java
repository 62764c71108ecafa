package org.carbonsink.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carbonsink.testsupport.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The whole lifecycle through the gateway, against the authorization server, the three services
 * and the gateway on real PostgreSQL (a database each) and a real Kafka broker, with real tokens,
 * asserting at each step what a user sees.
 */
class LifecycleE2EIT {

    static Services services;
    static final List<String> printed = new ArrayList<>();

    @BeforeAll
    static void startEverything() {
        List<String> arguments = new ArrayList<>(List.of("--spring.main.banner-mode=off"));
        arguments.addAll(Lifecycle.SHORT_WINDOWS);
        services = TestStack.start("e2e", arguments);
    }

    @AfterAll
    static void stopEverything() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void aSinkProjectGoesFromItsDesignToIssuedTradedTransferredRetiredAndReversedCredits() {
        ApiClient gateway = new ApiClient(services.gatewayUrl());
        Lifecycle lifecycle = new Lifecycle(gateway, services.authUrl(), printed::add);
        int vintage = Lifecycle.VINTAGE;

        // 0. without a token nothing private answers; with one the participants are registered
        assertThat(gateway.post("/api/registry/participants", Map.of("name", "x")).status()).isEqualTo(401);
        Lifecycle.Cast cast = lifecycle.registerParticipants();
        assertThat(cast.owner()).isEqualTo(Lifecycle.OWNER);
        assertThat(lifecycle.as(cast.buyer()).post("/api/registry/participants", Map.of("subject", UUID.randomUUID(),
                "name", "Self-made administrator", "role", "REGISTRY_ADMINISTRATOR")).status()).isEqualTo(403);

        // 1. registry: drafted, disclosed with a public comment, validated, applied for, registered
        JsonNode draft = lifecycle.draftProject(cast);
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("bufferRate").decimalValue()).isEqualByComparingTo("0.10");
        UUID projectId = UUID.fromString(draft.get("id").asString());
        JsonNode disclosed = lifecycle.openDisclosure(cast, projectId);
        assertThat(disclosed.get("status").asString()).isEqualTo("PUBLIC_DISCLOSURE");
        lifecycle.commentPublicly(projectId);
        assertThat(gateway.get("/api/registry/projects/" + projectId + "/comments").expect(200).get("items"))
                .hasSize(1);
        // the validator may not validate before the window closes; the demo waits for it
        JsonNode validation = lifecycle.fileValidationReport(cast, projectId);
        assertThat(validation.get("positive").asBoolean()).isTrue();
        JsonNode applied = lifecycle.applyForRegistration(cast, projectId);
        assertThat(applied.get("status").asString()).isEqualTo("REGISTRATION_APPLIED");
        assertThat(applied.get("decisionDue").get("due").asString()).isNotBlank();
        JsonNode registered = lifecycle.registerProject(projectId);
        assertThat(registered.get("status").asString()).isEqualTo("REGISTERED");
        assertThat(gateway.get("/api/registry/projects/" + projectId).expect(200).get("status").asString())
                .isEqualTo("REGISTERED");

        // 2. verification: 7150.4684 tCO2e over 2022-2025; disclosed, taken up, approved
        lifecycle.awaitProjectKnownToVerification(projectId);
        JsonNode report = lifecycle.submitReport(cast, projectId);
        assertThat(report.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(report.get("netRemovals").decimalValue()).isEqualByComparingTo("7150.4684");
        assertThat(report.get("verifiedCredits").asLong()).isEqualTo(7150);
        UUID reportId = UUID.fromString(report.get("id").asString());
        lifecycle.discloseReport(cast, reportId);
        assertThat(lifecycle.startVerification(cast, reportId).get("status").asString())
                .isEqualTo("UNDER_VERIFICATION");
        assertThat(lifecycle.approveReport(cast, reportId).get("status").asString()).isEqualTo("VERIFIED");

        // 3. registry: one issuance per vintage, split by days; 10% of each to the buffer pool (rounded up)
        JsonNode issuances = lifecycle.awaitIssuances(projectId, 4);
        Map<Integer, JsonNode> byVintage = new java.util.TreeMap<>();
        issuances.get("items").forEach(i -> byVintage.put(i.get("vintage").asInt(), i));
        assertThat(byVintage.keySet()).containsExactly(2022, 2023, 2024, 2025);
        assertThat(byVintage.values().stream().mapToLong(i -> i.get("verifiedCredits").asLong()).sum())
                .isEqualTo(7150);
        assertThat(byVintage.get(2024).get("verifiedCredits").asLong()).isEqualTo(1791);
        JsonNode issued2025 = byVintage.get(vintage);
        assertThat(issued2025.get("verifiedCredits").asLong()).isEqualTo(1787);
        assertThat(issued2025.get("bufferQuantity").asLong()).isEqualTo(179);
        assertThat(issued2025.get("ownerQuantity").asLong()).isEqualTo(1608);
        assertThat(holdings(lifecycle.account(cast.owner(), cast.ownerAccount()), vintage, "available"))
                .isEqualTo(1608);
        await().atMost(Duration.ofSeconds(60)).until(() -> gateway.get("/api/verification/reports/" + reportId)
                .expect(200).get("status").asString().equals("ISSUED"));

        // 4. trading: cash in, a sell order held by the registry, a crossing buy, settlement
        String instrument = registered.get("code").asString() + "-" + vintage;
        lifecycle.awaitInstrument(instrument);
        JsonNode deposit = lifecycle.deposit(cast.buyer(), "100000.00");
        assertThat(deposit.get("balance").decimalValue()).isEqualByComparingTo("100000.00");

        JsonNode sell = lifecycle.placeOrder(cast.owner(), instrument, "SELL", 1000, "85.50");
        assertThat(sell.get("status").asString()).isEqualTo("PENDING_HOLD");
        UUID sellId = UUID.fromString(sell.get("id").asString());
        JsonNode open = lifecycle.awaitOrder(cast.owner(), sellId, "OPEN");
        assertThat(open.get("remainingQuantity").asLong()).isEqualTo(1000);
        JsonNode ownerAccount = lifecycle.account(cast.owner(), cast.ownerAccount());
        assertThat(holdings(ownerAccount, vintage, "held")).isEqualTo(1000);
        assertThat(holdings(ownerAccount, vintage, "available")).isEqualTo(608);

        JsonNode buy = lifecycle.placeOrder(cast.buyer(), instrument, "BUY", 400, "90.00");
        assertThat(buy.get("status").asString()).isIn("FILLED", "OPEN", "PARTIALLY_FILLED");
        JsonNode trade = lifecycle.awaitSettledTrade(instrument);
        assertThat(trade.get("quantity").asLong()).isEqualTo(400);
        assertThat(trade.get("price").decimalValue()).isEqualByComparingTo("85.50");
        assertThat(trade.get("amount").decimalValue()).isEqualByComparingTo("34200.00");

        JsonNode sellerCash = lifecycle.cashAccount(cast.owner());
        assertThat(sellerCash.get("balance").decimalValue()).isEqualByComparingTo("34200.00");
        JsonNode buyerCash = lifecycle.cashAccount(cast.buyer());
        assertThat(buyerCash.get("balance").decimalValue()).isEqualByComparingTo("65800.00");
        assertThat(buyerCash.get("reserved").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(holdings(lifecycle.account(cast.buyer(), cast.buyerAccount()), vintage, "available"))
                .isEqualTo(400);
        assertThat(holdings(lifecycle.account(cast.owner(), cast.ownerAccount()), vintage, "held")).isEqualTo(600);

        // 5. registry: a transfer, a retirement for a named beneficiary, and the unsold rest given back
        JsonNode transfer = lifecycle.transfer(cast, projectId, 100);
        assertThat(transfer.get("quantity").asLong()).isEqualTo(100);
        JsonNode retirement = lifecycle.retire(cast, projectId, vintage, 150);
        assertThat(retirement.get("beneficiary").asString()).isEqualTo("Hangzhou Green Logistics Co., Ltd.");
        assertThat(retirement.get("purpose").asString()).isEqualTo("VOLUNTARY_OFFSET");
        assertThat(retirement.get("serials").get(0).get("quantity").asLong()).isEqualTo(150);
        String retirementUrl = retirement.get("url").asString();
        assertThat(gateway.get("/api/registry" + retirementUrl).expect(200).get("quantity").asLong()).isEqualTo(150);
        JsonNode buyerAccount = lifecycle.account(cast.buyer(), cast.buyerAccount());
        assertThat(holdings(buyerAccount, vintage, "available")).isEqualTo(350);
        assertThat(holdings(buyerAccount, vintage, "retired")).isEqualTo(150);

        assertThat(lifecycle.cancelOrder(cast.owner(), sellId).get("status").asString()).isEqualTo("CANCELLED");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> holdings(lifecycle.account(cast.owner(), cast.ownerAccount()), vintage, "held") == 0);
        assertThat(holdings(lifecycle.account(cast.owner(), cast.ownerAccount()), vintage, "available"))
                .isEqualTo(1108);

        // 6. a reversal of 50 t: the project's own buffer credits are cancelled and issuance is blocked
        JsonNode reversal = lifecycle.recordReversal(projectId, 50);
        assertThat(reversal.get("bufferCancelled").asLong()).isEqualTo(50);
        assertThat(reversal.get("shortfall").asLong()).isZero();
        assertThat(reversal.get("issuanceBlocked").asBoolean()).isTrue();
        long buffer = 0;
        long cancelled = 0;
        for (JsonNode supply : lifecycle.supply(projectId).get("items")) {
            buffer += supply.get("buffer").asLong();
            cancelled += supply.get("cancelled").asLong();
        }
        assertThat(buffer).isEqualTo(717 - 50);
        assertThat(cancelled).isEqualTo(50);

        // issued = available + held + retired + cancelled + buffer, per vintage
        JsonNode check = lifecycle.ledgerCheck(projectId);
        assertThat(check.get("sound").asBoolean()).as(check.toString()).isTrue();
        assertThat(check.get("balances")).hasSize(4);
        for (JsonNode balance : check.get("balances")) {
            assertThat(balance.get("held").asLong() + balance.get("retired").asLong()
                    + balance.get("available").asLong() + balance.get("buffer").asLong()
                    + balance.get("cancelled").asLong()).isEqualTo(balance.get("issued").asLong());
        }
        assertThat(lifecycle.auditStatus().get("intact").asBoolean()).isTrue();
        assertThat(printed).isNotEmpty();
    }

    private static long holdings(JsonNode account, int vintage, String state) {
        long total = 0;
        for (JsonNode holding : account.get("holdings")) {
            if (holding.get("vintage").asInt() == vintage) {
                total += holding.get(state).asLong();
            }
        }
        return total;
    }
}
