package org.carbonsink.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
        UUID buyer = id(registerParticipant("Xining Buyer", "TRADER"));
        Held held = held("Qinghai Wetland Co.", 100);
        UUID owner = held.owner();
        UUID account = held.account();
        UUID projectId = held.projectId();
        String instrument = held.instrument();
        UUID holdId = held.holdId();

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
    void refusesDeliveriesItCannotMakeWithTheirCodesChangingNothingAndAnswersEachTradeOnce() {
        JsonNode buyerNode = registerParticipant("Lanzhou Buyer", "TRADER");
        UUID buyer = id(buyerNode);
        UUID buyerAccount = UUID.fromString(buyerNode.get("accountId").asString());
        Held held = held("Gansu Grassland Co.", 50);
        UUID owner = held.owner();
        UUID account = held.account();
        UUID projectId = held.projectId();
        String instrument = held.instrument();
        UUID holdId = held.holdId();

        UUID noHold = UUID.randomUUID();
        UUID missing = UUID.randomUUID();
        assertThat(refusal(instrument, new TradeExecuted(UUID.randomUUID(), Instant.now(), noHold, instrument, missing,
                owner, buyer, 5, new BigDecimal("60.00"), "CNY"))).satisfies(e -> {
                    assertThat(e.code()).isEqualTo(CreditDeliveryFailed.NO_HOLD);
                    assertThat(e.reason()).isEqualTo("no hold " + missing);
                });
        UUID notTheSellers = UUID.randomUUID();
        assertThat(refusal(instrument, new TradeExecuted(UUID.randomUUID(), Instant.now(), notTheSellers, instrument,
                holdId, buyer, buyer, 5, new BigDecimal("60.00"), "CNY"))).satisfies(e -> {
                    assertThat(e.code()).isEqualTo(CreditDeliveryFailed.HOLD_NOT_SELLERS);
                    assertThat(e.reason()).isEqualTo("hold " + holdId
                            + " belongs to another participant than seller " + buyer);
                });
        UUID stranger = UUID.randomUUID();
        UUID noAccount = UUID.randomUUID();
        assertThat(refusal(instrument, new TradeExecuted(UUID.randomUUID(), Instant.now(), noAccount, instrument,
                holdId, owner, stranger, 5, new BigDecimal("60.00"), "CNY"))).satisfies(e -> {
                    assertThat(e.code()).isEqualTo(CreditDeliveryFailed.BUYER_NO_ACCOUNT);
                    assertThat(e.reason()).isEqualTo("buyer " + stranger + " has no registry account");
                });
        UUID tooLarge = UUID.randomUUID();
        assertThat(refusal(instrument, new TradeExecuted(UUID.randomUUID(), Instant.now(), tooLarge, instrument,
                holdId, owner, buyer, 51, new BigDecimal("60.00"), "CNY"))).satisfies(e -> {
                    assertThat(e.code()).isEqualTo(CreditDeliveryFailed.HOLD_SHORT);
                    assertThat(e.reason()).isEqualTo("hold " + holdId + " has 50 credits left, trade needs 51");
                });
        assertThat(holding(owner, account, "held")).isEqualTo(50);
        assertThat(holding(buyer, buyerAccount, "available")).isZero();

        // the same trade twice (the exchange asked again under a new event id), then the rest of the hold in
        // two trades: the first trade is delivered once, and the hold is spent exactly
        UUID tradeId = UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            TestEvents.send(Topics.TRADING_TRADES, instrument, new TradeExecuted(UUID.randomUUID(), Instant.now(),
                    tradeId, instrument, holdId, owner, buyer, 20, new BigDecimal("60.00"), "CNY"));
        }
        UUID second = UUID.randomUUID();
        TestEvents.send(Topics.TRADING_TRADES, instrument, new TradeExecuted(UUID.randomUUID(), Instant.now(), second,
                instrument, holdId, owner, buyer, 30, new BigDecimal("60.00"), "CNY"));
        assertThat(TestEvents.await(Topics.REGISTRY_HOLDS, CreditsDelivered.class, e -> e.tradeId().equals(second),
                EVENTUALLY)).singleElement().satisfies(e -> assertThat(e.quantity()).isEqualTo(30));
        // on the instrument's one partition, the answers come in order: the first trade's are all in by now
        assertThat(TestEvents.await(Topics.REGISTRY_HOLDS, CreditsDelivered.class, e -> e.tradeId().equals(tradeId),
                EVENTUALLY)).singleElement().satisfies(e -> assertThat(e.quantity()).isEqualTo(20));
        assertThat(holding(owner, account, "held")).isZero();
        assertThat(holding(buyer, buyerAccount, "available")).isEqualTo(50);
        assertThat(jdbc.sql("select status from hold where id = :id").param("id", holdId).query(String.class).single())
                .isEqualTo("SPENT");
        assertThat(jdbc.sql("select count(*) from ledger_movement where reference_id in (:trades)")
                .param("trades", List.of(tradeId, second)).query(Long.class).single()).isEqualTo(2);
        assertThat(admin().get("/ledger/check?projectId=" + projectId).expect(200).get("sound").asBoolean()).isTrue();
        assertThat(admin().get("/audit/verification").expect(200).get("intact").asBoolean()).isTrue();
    }

    /** An owner's project, 200 credits of 2024 issued (20 to the buffer pool), {@code quantity} of them held. */
    private record Held(UUID owner, UUID account, UUID projectId, String instrument, UUID holdId) {
    }

    private Held held(String ownerName, long quantity) {
        Issued issued = issued(ownerName, 200, 20);
        UUID holdId = UUID.randomUUID();
        TestEvents.send(Topics.TRADING_ORDERS, issued.instrument(), new CreditHoldRequested(UUID.randomUUID(),
                Instant.now(), holdId, issued.instrument(), issued.owner(), issued.projectId(), 2024, quantity));
        await().atMost(EVENTUALLY).until(() -> holding(issued.owner(), issued.account(), "held") == quantity);
        return new Held(issued.owner(), issued.account(), issued.projectId(), issued.instrument(), holdId);
    }

    /** A new owner's registered project with {@code creditable} credits of 2024 issued, {@code buffer} of them to the pool. */
    private record Issued(UUID owner, UUID account, UUID projectId, String instrument) {
    }

    private Issued issued(String ownerName, long creditable, long buffer) {
        UUID owner = id(registerParticipant(ownerName, "PROJECT_OWNER"));
        JsonNode project = registeredProject(owner);
        UUID projectId = id(project);
        TestEvents.send(Topics.VERIFICATION_REPORTS, projectId.toString(), new MonitoringReportVerified(
                UUID.randomUUID(), Instant.now(), UUID.randomUUID(), projectId, owner, UUID.randomUUID(),
                LocalDate.of(2022, 1, 1), LocalDate.of(2024, 12, 31), 2024, new BigDecimal(creditable + ".0000"),
                creditable, buffer));
        UUID account = UUID.fromString(api().as(owner).get("/participants/" + owner).expect(200).get("accountId")
                .asString());
        await().atMost(EVENTUALLY).until(() -> holding(owner, account, "available") == creditable - buffer);
        return new Issued(owner, account, projectId, project.get("code").asString() + "-2024");
    }

    private static CreditDeliveryFailed refusal(String instrument, TradeExecuted trade) {
        TestEvents.send(Topics.TRADING_TRADES, instrument, trade);
        return TestEvents.await(Topics.REGISTRY_HOLDS, CreditDeliveryFailed.class,
                e -> e.tradeId().equals(trade.tradeId()), EVENTUALLY).get(0);
    }

    @Test
    void refusesToRetireMoreThanIsAvailableOrFromSomeoneElsesAccountAndChangesNothing() {
        Issued issued = issued("Yunnan Forest Farm", 100, 10);
        UUID owner = issued.owner();
        UUID account = issued.account();
        UUID projectId = issued.projectId();
        UUID stranger = id(registerParticipant("Someone else", "TRADER"));

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
