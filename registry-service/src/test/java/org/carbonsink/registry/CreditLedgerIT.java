package org.carbonsink.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.carbonsink.contracts.CreditDeliveryFailed;
import org.carbonsink.contracts.CreditHoldRejected;
import org.carbonsink.contracts.CreditHoldReleaseRequested;
import org.carbonsink.contracts.CreditHoldRequested;
import org.carbonsink.contracts.CreditsDelivered;
import org.carbonsink.contracts.CreditsHeld;
import org.carbonsink.contracts.CreditsIssued;
import org.carbonsink.contracts.CreditsRetired;
import org.carbonsink.contracts.MonitoringReportVerified;
import org.carbonsink.contracts.ProjectRegistered;
import org.carbonsink.contracts.Topics;
import org.carbonsink.contracts.TradeExecuted;
import org.carbonsink.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class CreditLedgerIT extends RegistryIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void issuesHoldsDeliversAndRetiresCreditsConservingEveryTonne() {
        UUID owner = id(registerParticipant("Guizhou Forestry Co.", "PROJECT_OWNER"));
        JsonNode buyerNode = registerParticipant("Hangzhou Green Logistics", "TRADER");
        UUID buyer = id(buyerNode);
        UUID buyerAccount = UUID.fromString(buyerNode.get("accountId").asString());
        JsonNode project = registeredProject(owner);
        UUID projectId = id(project);
        String code = project.get("code").asString();

        assertThat(project.get("status").asString()).isEqualTo("REGISTERED");
        assertThat(TestEvents.await(Topics.REGISTRY_PROJECTS, ProjectRegistered.class,
                e -> e.projectId().equals(projectId), EVENTUALLY)).singleElement()
                .satisfies(e -> {
                    assertThat(e.ownerId()).isEqualTo(owner);
                    assertThat(e.methodologyCode()).isEqualTo("CCER-14-001-V01");
                    assertThat(e.bufferRate()).isEqualByComparingTo("0.10");
                });

        // issuance: 7150 verified, 715 to the buffer pool
        UUID reportId = UUID.randomUUID();
        var verified = new MonitoringReportVerified(UUID.randomUUID(), Instant.now(), reportId, projectId, owner,
                UUID.randomUUID(), LocalDate.of(2021, 1, 1), LocalDate.of(2025, 12, 31), 2025,
                new BigDecimal("7150.4684"), 7150, 715);
        TestEvents.send(Topics.VERIFICATION_REPORTS, projectId.toString(), verified);
        CreditsIssued issued = TestEvents.await(Topics.REGISTRY_CREDITS, CreditsIssued.class,
                e -> e.reportId().equals(reportId), EVENTUALLY).get(0);
        assertThat(issued.quantity()).isEqualTo(6435);
        assertThat(issued.bufferQuantity()).isEqualTo(715);
        assertThat(issued.ownerSerials().serial()).startsWith("CSR-" + code + "-2025-");

        UUID ownerAccount = UUID.fromString(api().as(owner).get("/participants/" + owner).expect(200).get("accountId").asString());
        assertThat(holding(owner, ownerAccount, "available")).isEqualTo(6435);

        // a redelivered event, and a second event for the same report, issue nothing more
        TestEvents.send(Topics.VERIFICATION_REPORTS, projectId.toString(), verified);
        TestEvents.send(Topics.VERIFICATION_REPORTS, projectId.toString(), new MonitoringReportVerified(
                UUID.randomUUID(), Instant.now(), reportId, projectId, owner, verified.verifierId(),
                verified.periodStart(), verified.periodEnd(), 2025, verified.netRemovals(), 7150, 715));

        // hold 1000 for a sell order
        UUID holdId = UUID.randomUUID();
        String instrument = code + "-2025";
        TestEvents.send(Topics.TRADING_ORDERS, instrument, new CreditHoldRequested(UUID.randomUUID(), Instant.now(),
                holdId, instrument, owner, projectId, 2025, 1000));
        assertThat(TestEvents.await(Topics.REGISTRY_HOLDS, CreditsHeld.class, e -> e.holdId().equals(holdId),
                EVENTUALLY)).singleElement().satisfies(e -> assertThat(e.quantity()).isEqualTo(1000));
        assertThat(holding(owner, ownerAccount, "held")).isEqualTo(1000);
        assertThat(holding(owner, ownerAccount, "available")).isEqualTo(5435);
        assertThat(jdbc.sql("select count(*) from issuance where report_id = :r").param("r", reportId)
                .query(Long.class).single()).isEqualTo(1);

        // more than the account has is refused
        UUID tooMuch = UUID.randomUUID();
        TestEvents.send(Topics.TRADING_ORDERS, instrument, new CreditHoldRequested(UUID.randomUUID(), Instant.now(),
                tooMuch, instrument, owner, projectId, 2025, 6000));
        assertThat(TestEvents.await(Topics.REGISTRY_HOLDS, CreditHoldRejected.class, e -> e.holdId().equals(tooMuch),
                EVENTUALLY)).singleElement().satisfies(e -> assertThat(e.reason()).contains("5435 available"));

        // a trade of 400 delivers from the hold to the buyer
        UUID tradeId = UUID.randomUUID();
        var trade = new TradeExecuted(UUID.randomUUID(), Instant.now(), tradeId, instrument, holdId, owner, buyer, 400,
                new BigDecimal("85.50"), "CNY");
        TestEvents.send(Topics.TRADING_TRADES, instrument, trade);
        assertThat(TestEvents.await(Topics.REGISTRY_HOLDS, CreditsDelivered.class, e -> e.tradeId().equals(tradeId),
                EVENTUALLY)).singleElement().satisfies(e -> assertThat(e.quantity()).isEqualTo(400));
        assertThat(holding(buyer, buyerAccount, "available")).isEqualTo(400);
        assertThat(holding(owner, ownerAccount, "held")).isEqualTo(600);

        // a trade larger than what is left on the hold fails
        UUID overTrade = UUID.randomUUID();
        TestEvents.send(Topics.TRADING_TRADES, instrument, new TradeExecuted(UUID.randomUUID(), Instant.now(),
                overTrade, instrument, holdId, owner, buyer, 601, new BigDecimal("85.50"), "CNY"));
        assertThat(TestEvents.await(Topics.REGISTRY_HOLDS, CreditDeliveryFailed.class,
                e -> e.tradeId().equals(overTrade), EVENTUALLY)).singleElement()
                .extracting(CreditDeliveryFailed::code).isEqualTo(CreditDeliveryFailed.HOLD_SHORT);

        // the buyer retires 150 for a beneficiary
        JsonNode retirement = api().as(buyer, "TRADER").post("/accounts/" + buyerAccount + "/retirements", Map.of(
                "projectId", projectId, "vintage", 2025, "quantity", 150,
                "beneficiary", "Hangzhou Green Logistics Co., Ltd.", "purpose", "CORPORATE_NEUTRALITY",
                "note", "2025 fleet emissions")).expect(201);
        assertThat(retirement.get("quantity").asLong()).isEqualTo(150);
        assertThat(retirement.get("serials").get(0).get("quantity").asLong()).isEqualTo(150);
        UUID retirementId = id(retirement);
        assertThat(api().get("/retirements/" + retirementId).expect(200).get("beneficiary").asString())
                .isEqualTo("Hangzhou Green Logistics Co., Ltd.");
        assertThat(TestEvents.await(Topics.REGISTRY_CREDITS, CreditsRetired.class,
                e -> e.retirementId().equals(retirementId), EVENTUALLY)).hasSize(1);
        assertThat(holding(buyer, buyerAccount, "available")).isEqualTo(250);
        assertThat(holding(buyer, buyerAccount, "retired")).isEqualTo(150);

        // conservation per project and vintage: issued = available + held + retired + cancelled + buffer
        JsonNode check = admin().get("/ledger/check?projectId=" + projectId).expect(200);
        assertThat(check.get("sound").asBoolean()).as(check.toString()).isTrue();
        JsonNode balance = check.get("balances").get(0);
        assertThat(balance.get("issued").asLong()).isEqualTo(7150);
        assertThat(balance.get("available").asLong()).isEqualTo(5435 + 250);
        assertThat(balance.get("held").asLong()).isEqualTo(600);
        assertThat(balance.get("retired").asLong()).isEqualTo(150);
        assertThat(balance.get("buffer").asLong()).isEqualTo(715);
        assertThat(api().get("/issuances?projectId=" + projectId).expect(200).get("total").asLong()).isEqualTo(1);
    }

    @Test
    void releasesWhatACancelledSellOrderNoLongerNeedsAndKeepsWhatATradeIsOwed() {
        UUID owner = id(registerParticipant("Qinghai Wetland Co.", "PROJECT_OWNER"));
        UUID buyer = id(registerParticipant("Xining Buyer", "TRADER"));
        JsonNode project = registeredProject(owner);
        UUID projectId = id(project);
        String instrument = project.get("code").asString() + "-2024";
        TestEvents.send(Topics.VERIFICATION_REPORTS, projectId.toString(), new MonitoringReportVerified(
                UUID.randomUUID(), Instant.now(), UUID.randomUUID(), projectId, owner, UUID.randomUUID(),
                LocalDate.of(2022, 1, 1), LocalDate.of(2024, 12, 31), 2024, new BigDecimal("200.0000"), 200, 20));
        UUID account = UUID.fromString(api().as(owner).get("/participants/" + owner).expect(200).get("accountId")
                .asString());
        await().atMost(EVENTUALLY).until(() -> holding(owner, account, "available") == 180);
        UUID holdId = UUID.randomUUID();
        TestEvents.send(Topics.TRADING_ORDERS, instrument, new CreditHoldRequested(UUID.randomUUID(), Instant.now(),
                holdId, instrument, owner, projectId, 2024, 100));
        await().atMost(EVENTUALLY).until(() -> holding(owner, account, "held") == 100);

        // 30 were traded before the order was cancelled; the exchange asks back the other 70, and its
        // request may arrive before the trade's delivery
        TestEvents.send(Topics.TRADING_ORDERS, instrument, new CreditHoldReleaseRequested(UUID.randomUUID(),
                Instant.now(), holdId, instrument, 70));
        await().atMost(EVENTUALLY).until(() -> holding(owner, account, "held") == 30);
        assertThat(holding(owner, account, "available")).isEqualTo(150);
        UUID tradeId = UUID.randomUUID();
        TestEvents.send(Topics.TRADING_TRADES, instrument, new TradeExecuted(UUID.randomUUID(), Instant.now(), tradeId,
                instrument, holdId, owner, buyer, 30, new BigDecimal("60.00"), "CNY"));
        assertThat(TestEvents.await(Topics.REGISTRY_HOLDS, CreditsDelivered.class, e -> e.tradeId().equals(tradeId),
                EVENTUALLY)).hasSize(1);
        assertThat(holding(owner, account, "held")).isZero();
        assertThat(admin().get("/ledger/check?projectId=" + projectId).expect(200).get("sound").asBoolean()).isTrue();
    }

    @Test
    void refusesToRetireMoreThanIsAvailableOrFromSomeoneElsesAccountAndChangesNothing() {
        UUID owner = id(registerParticipant("Yunnan Forest Farm", "PROJECT_OWNER"));
        UUID stranger = id(registerParticipant("Someone else", "TRADER"));
        UUID projectId = id(registeredProject(owner));
        UUID reportId = UUID.randomUUID();
        TestEvents.send(Topics.VERIFICATION_REPORTS, projectId.toString(), new MonitoringReportVerified(
                UUID.randomUUID(), Instant.now(), reportId, projectId, owner, UUID.randomUUID(),
                LocalDate.of(2022, 1, 1), LocalDate.of(2024, 12, 31), 2024, new BigDecimal("100.0000"), 100, 10));
        UUID account = UUID.fromString(api().as(owner).get("/participants/" + owner).expect(200).get("accountId").asString());
        await().atMost(EVENTUALLY).until(() -> holding(owner, account, "available") == 90);

        var tooMany = api().as(owner, "PROJECT_OWNER").post("/accounts/" + account + "/retirements", Map.of("projectId", projectId,
                "vintage", 2024, "quantity", 91, "beneficiary", "X", "purpose", "VOLUNTARY_OFFSET"));
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:insufficient-credits");

        var notMine = api().as(stranger, "TRADER").post("/accounts/" + account + "/retirements", Map.of("projectId", projectId,
                "vintage", 2024, "quantity", 1, "beneficiary", "X", "purpose", "VOLUNTARY_OFFSET"));
        assertThat(notMine.status()).isEqualTo(403);
        assertThat(api().as(stranger).get("/accounts/" + account).status()).isEqualTo(403);

        var invalid = api().as(owner, "PROJECT_OWNER").post("/accounts/" + account + "/retirements", Map.of("projectId", projectId,
                "quantity", -5, "beneficiary", " "));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").findValuesAsString("field"))
                .contains("vintage", "quantity", "beneficiary", "purpose");

        assertThat(holding(owner, account, "available")).isEqualTo(90);
        assertThat(holding(owner, account, "retired")).isZero();
    }

    private long holding(UUID holder, UUID accountId, String state) {
        JsonNode holdings = api().as(holder).get("/accounts/" + accountId).expect(200).get("holdings");
        long total = 0;
        for (JsonNode h : holdings) {
            total += h.get(state).asLong();
        }
        return total;
    }
}
