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
import org.carbonsink.testsupport.PostgresServer;
import org.carbonsink.testsupport.TestInfrastructure;
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
        PostgresServer postgres = TestInfrastructure.postgres();
        Map<String, Database> databases = Map.of(
                "registry", database(postgres.database("e2e_registry")),
                "verification", database(postgres.database("e2e_verification")),
                "trading", database(postgres.database("e2e_trading")));
        services = Services.start(databases, TestInfrastructure.kafkaBootstrapServers(), Services.Ports.random(),
                List.of("--spring.main.banner-mode=off"));
    }

    @AfterAll
    static void stopEverything() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void aSinkProjectGoesFromRegistrationToASettledPartlyRetiredTrade() {
        ApiClient gateway = new ApiClient(services.gatewayUrl());
        Lifecycle lifecycle = new Lifecycle(gateway, services.authUrl(), printed::add);

        // 0. without a token nothing private answers; with one the participants are registered
        assertThat(gateway.post("/api/registry/participants", Map.of("name", "x")).status()).isEqualTo(401);
        Lifecycle.Cast cast = lifecycle.registerParticipants();
        assertThat(cast.owner()).isEqualTo(Lifecycle.OWNER);
        assertThat(lifecycle.as(cast.buyer()).post("/api/registry/participants", Map.of("subject", UUID.randomUUID(),
                "name", "Self-made administrator", "role", "REGISTRY_ADMINISTRATOR")).status()).isEqualTo(403);

        // 1. registry: a project applied for and registered
        JsonNode applied = lifecycle.applyForRegistration(cast);
        assertThat(applied.get("status").asString()).isEqualTo("REGISTRATION_APPLIED");
        UUID projectId = UUID.fromString(applied.get("id").asString());
        JsonNode registered = lifecycle.registerProject(projectId);
        assertThat(registered.get("status").asString()).isEqualTo("REGISTERED");
        assertThat(gateway.get("/api/registry/projects/" + projectId).expect(200).get("status").asString())
                .isEqualTo("REGISTERED");

        // 2. verification: the report computes 7150.4684 tCO2e; the verifier approves
        lifecycle.awaitProjectKnownToVerification(projectId);
        JsonNode report = lifecycle.submitReport(cast, projectId);
        assertThat(report.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(report.get("netRemovals").decimalValue()).isEqualByComparingTo("7150.4684");
        assertThat(report.get("verifiedCredits").asLong()).isEqualTo(7150);
        assertThat(report.get("bufferCredits").asLong()).isEqualTo(715);
        UUID reportId = UUID.fromString(report.get("id").asString());
        assertThat(lifecycle.approveReport(cast, reportId).get("status").asString()).isEqualTo("VERIFIED");
        assertThat(gateway.get("/api/verification/reports/" + reportId).expect(200).get("status").asString())
                .isEqualTo("VERIFIED");

        // 3. registry: one serial block to the owner, the buffer share to the pool
        JsonNode issuance = lifecycle.awaitIssuance(projectId);
        assertThat(issuance.get("verifiedCredits").asLong()).isEqualTo(7150);
        assertThat(issuance.get("ownerQuantity").asLong()).isEqualTo(6435);
        assertThat(issuance.get("ownerSerials").get("serial").asString())
                .startsWith("CCER-" + registered.get("code").asString() + "-2025-");
        assertThat(holdings(lifecycle.account(cast.owner(), cast.ownerAccount()), "available")).isEqualTo(6435);

        // 4. trading: cash in, a sell order held by the registry, a crossing buy, settlement
        String instrument = registered.get("code").asString() + "-2025";
        lifecycle.awaitInstrument(instrument);
        JsonNode deposit = lifecycle.deposit(cast.buyer(), "100000.00");
        assertThat(deposit.get("balance").decimalValue()).isEqualByComparingTo("100000.00");

        JsonNode sell = lifecycle.placeOrder(cast.owner(), instrument, "SELL", 1000, "85.50");
        assertThat(sell.get("status").asString()).isEqualTo("PENDING_HOLD");
        JsonNode open = lifecycle.awaitOrder(cast.owner(), UUID.fromString(sell.get("id").asString()), "OPEN");
        assertThat(open.get("remainingQuantity").asLong()).isEqualTo(1000);
        JsonNode ownerAccount = lifecycle.account(cast.owner(), cast.ownerAccount());
        assertThat(holdings(ownerAccount, "held")).isEqualTo(1000);
        assertThat(holdings(ownerAccount, "available")).isEqualTo(5435);

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
        assertThat(holdings(lifecycle.account(cast.buyer(), cast.buyerAccount()), "available")).isEqualTo(400);
        assertThat(holdings(lifecycle.account(cast.owner(), cast.ownerAccount()), "held")).isEqualTo(600);

        // 5. registry: the buyer retires 150 for a named beneficiary
        JsonNode retirement = lifecycle.retire(cast, projectId, 2025, 150);
        assertThat(retirement.get("beneficiary").asString()).isEqualTo("Hangzhou Green Logistics Co., Ltd.");
        assertThat(retirement.get("serials").get(0).get("quantity").asLong()).isEqualTo(150);
        assertThat(gateway.get("/api/registry/retirements?projectId=" + projectId).expect(200).get("total").asLong())
                .isEqualTo(1);
        JsonNode buyerAccount = lifecycle.account(cast.buyer(), cast.buyerAccount());
        assertThat(holdings(buyerAccount, "available")).isEqualTo(250);
        assertThat(holdings(buyerAccount, "retired")).isEqualTo(150);

        // issued = held + retired (+ available + buffer) for the project and vintage
        JsonNode check = lifecycle.ledgerCheck(projectId);
        assertThat(check.get("sound").asBoolean()).as(check.toString()).isTrue();
        JsonNode balance = check.get("balances").get(0);
        assertThat(balance.get("vintage").asInt()).isEqualTo(2025);
        assertThat(balance.get("issued").asLong()).isEqualTo(7150);
        assertThat(balance.get("held").asLong()).isEqualTo(600);
        assertThat(balance.get("retired").asLong()).isEqualTo(150);
        assertThat(balance.get("buffer").asLong()).isEqualTo(715);
        assertThat(balance.get("available").asLong()).isEqualTo(5435 + 250);
        assertThat(balance.get("held").asLong() + balance.get("retired").asLong() + balance.get("available").asLong()
                + balance.get("buffer").asLong() + balance.get("cancelled").asLong())
                .isEqualTo(balance.get("issued").asLong());

        // the owner cancels the rest of its sell order: the registry gives the 600 held credits back
        JsonNode cancelled = lifecycle.as(cast.owner())
                .post("/api/trading/orders/" + sell.get("id").asString() + "/cancellation", null).expect(200);
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> holdings(lifecycle.account(cast.owner(), cast.ownerAccount()), "held") == 0);
        assertThat(holdings(lifecycle.account(cast.owner(), cast.ownerAccount()), "available")).isEqualTo(6035);
        JsonNode after = lifecycle.ledgerCheck(projectId);
        assertThat(after.get("sound").asBoolean()).as(after.toString()).isTrue();
        assertThat(after.get("balances").get(0).get("held").asLong()).isZero();
        assertThat(printed).isNotEmpty();
    }

    private static long holdings(JsonNode account, String state) {
        long total = 0;
        for (JsonNode holding : account.get("holdings")) {
            total += holding.get(state).asLong();
        }
        return total;
    }

    private static Database database(PostgresServer.Database db) {
        return new Database(db.jdbcUrl(), db.username(), db.password());
    }
}
