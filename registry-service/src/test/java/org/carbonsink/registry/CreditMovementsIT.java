package org.carbonsink.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carbonsink.contracts.CreditHoldRequested;
import org.carbonsink.contracts.CreditsCancelled;
import org.carbonsink.contracts.CreditsHeld;
import org.carbonsink.contracts.CreditsIssued;
import org.carbonsink.contracts.CreditsTransferred;
import org.carbonsink.contracts.MonitoringReportVerified;
import org.carbonsink.contracts.Topics;
import org.carbonsink.contracts.TradeExecuted;
import org.carbonsink.registry.project.ProjectCredits;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Transfers, voluntary cancellations and the cancellation of a revoked project's credits. */
class CreditMovementsIT extends RegistryIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ProjectCredits projectCredits;

    @Test
    void transfersAQuantityOrANamedSerialRangeAndMergesBlocksThatMeetAgain() {
        Holder owner = holder("Heilongjiang Forest Co.", "PROJECT_OWNER");
        Holder buyer = holder("Harbin Steel", "TRADER");
        UUID projectId = projectWithCredits(owner, 2024, 1000);

        JsonNode first = api().as(owner.id(), "PROJECT_OWNER").post("/accounts/" + owner.account() + "/transfers",
                Map.of("toAccountId", buyer.account(), "projectId", projectId, "vintage", 2024, "quantity", 300))
                .expect(201);
        assertThat(first.get("quantity").asLong()).isEqualTo(300);
        long low = first.get("serials").get(0).get("first").asLong();
        assertThat(first.get("serials").get(0).get("last").asLong()).isEqualTo(low + 299);
        assertThat(holding(buyer, "available")).isEqualTo(300);
        assertThat(holding(owner, "available")).isEqualTo(600);
        UUID transferId = id(first);
        assertThat(TestEvents.await(Topics.REGISTRY_CREDITS, CreditsTransferred.class,
                e -> e.transferId().equals(transferId), EVENTUALLY)).singleElement()
                .satisfies(e -> assertThat(e.toHolderId()).isEqualTo(buyer.id()));

        // the buyer sends the middle 100 back: three blocks with it, then the owner's merge again
        JsonNode back = api().as(buyer.id(), "TRADER").post("/accounts/" + buyer.account() + "/transfers",
                Map.of("toAccountId", owner.account(), "projectId", projectId, "vintage", 2024,
                        "firstSerial", low + 100, "lastSerial", low + 199)).expect(201);
        assertThat(back.get("serials").get(0).get("first").asLong()).isEqualTo(low + 100);
        assertThat(blocks(buyer)).isEqualTo(2);
        api().as(buyer.id(), "TRADER").post("/accounts/" + buyer.account() + "/transfers",
                Map.of("toAccountId", owner.account(), "projectId", projectId, "vintage", 2024, "quantity", 200))
                .expect(201);
        assertThat(holding(owner, "available")).isEqualTo(900);
        assertThat(blocks(owner)).as("the owner's credits are one block again").isEqualTo(1);
        assertThat(blocks(buyer)).isZero();

        // a retried request with the same Idempotency-Key moves nothing twice
        ApiClient keyed = api().as(owner.id(), "PROJECT_OWNER").withHeader("Idempotency-Key", "transfer-" + transferId);
        Map<String, Object> once = Map.of("toAccountId", buyer.account(), "projectId", projectId, "vintage", 2024,
                "quantity", 7);
        JsonNode sent = keyed.post("/accounts/" + owner.account() + "/transfers", once).expect(201);
        var replayed = keyed.post("/accounts/" + owner.account() + "/transfers", once);
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.json().get("id")).isEqualTo(sent.get("id"));
        assertThat(holding(buyer, "available")).isEqualTo(7);
        api().as(buyer.id(), "TRADER").post("/accounts/" + buyer.account() + "/transfers", Map.of("toAccountId",
                owner.account(), "projectId", projectId, "vintage", 2024, "quantity", 7)).expect(201);

        // a range the sender does not hold, the buffer pool, an unknown account, someone else's account
        var notHeld = api().as(buyer.id(), "TRADER").post("/accounts/" + buyer.account() + "/transfers",
                Map.of("toAccountId", owner.account(), "projectId", projectId, "vintage", 2024,
                        "firstSerial", low, "lastSerial", low));
        assertThat(notHeld.status()).isEqualTo(422);
        assertThat(notHeld.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:insufficient-credits");
        var toPool = api().as(owner.id(), "PROJECT_OWNER").post("/accounts/" + owner.account() + "/transfers",
                Map.of("toAccountId", UUID.fromString("00000000-0000-0000-0000-00000000b002"), "projectId", projectId,
                        "vintage", 2024, "quantity", 1));
        assertThat(toPool.status()).isEqualTo(422);
        assertThat(toPool.json().get("type").asString())
                .isEqualTo("urn:carbonsink:problem:buffer-pool-receives-no-transfers");
        var unknown = api().as(owner.id(), "PROJECT_OWNER").post("/accounts/" + owner.account() + "/transfers",
                Map.of("toAccountId", UUID.randomUUID(), "projectId", projectId, "vintage", 2024, "quantity", 1));
        assertThat(unknown.status()).isEqualTo(422);
        var both = api().as(owner.id(), "PROJECT_OWNER").post("/accounts/" + owner.account() + "/transfers",
                Map.of("toAccountId", buyer.account(), "projectId", projectId, "vintage", 2024, "quantity", 1,
                        "firstSerial", low));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().get("errors").findValuesAsString("field")).containsExactly("quantity");
        var stranger = api().as(buyer.id(), "TRADER").post("/accounts/" + owner.account() + "/transfers",
                Map.of("toAccountId", buyer.account(), "projectId", projectId, "vintage", 2024, "quantity", 1));
        assertThat(stranger.status()).isEqualTo(403);

        assertThat(holding(owner, "available")).isEqualTo(900);
        assertThat(admin().get("/ledger/check?projectId=" + projectId).expect(200).get("sound").asBoolean()).isTrue();
        assertThat(admin().get("/audit/entries?subjectType=transfer&subjectId=" + transferId).expect(200)
                .get("entries").findValuesAsString("action")).containsExactly("CREDITS_TRANSFERRED");
    }

    /** Credits are whole tCO2e: a fractional quantity or serial is refused naming the field, never truncated. */
    @Test
    void aFractionalQuantityOrSerialIsRefusedNamingTheFieldAndMovesNothing() {
        Holder owner = holder("Yunnan Forest Co.", "PROJECT_OWNER");
        Holder buyer = holder("Kunming Cement", "TRADER");
        UUID projectId = projectWithCredits(owner, 2024, 100);
        ApiClient caller = api().as(owner.id(), "PROJECT_OWNER");
        String target = "\"projectId\":\"" + projectId + "\",\"vintage\":2024,";

        assertRefusedNaming(caller.post("/accounts/" + owner.account() + "/transfers", "{\"toAccountId\":\""
                + buyer.account() + "\"," + target + "\"quantity\":2.5}"), "quantity");
        assertRefusedNaming(caller.post("/accounts/" + owner.account() + "/transfers", "{\"toAccountId\":\""
                + buyer.account() + "\"," + target + "\"firstSerial\":1,\"lastSerial\":3.9}"), "lastSerial");
        assertRefusedNaming(caller.post("/accounts/" + owner.account() + "/retirements", "{" + target
                + "\"quantity\":0.5,\"beneficiary\":\"Kunming Cement\",\"purpose\":\"VOLUNTARY_OFFSET\"}"), "quantity");
        assertRefusedNaming(caller.post("/accounts/" + owner.account() + "/retirements", "{\"projectId\":\""
                + projectId + "\",\"vintage\":2024.5,\"quantity\":1,\"beneficiary\":\"Kunming Cement\","
                + "\"purpose\":\"VOLUNTARY_OFFSET\"}"), "vintage");

        assertThat(holding(buyer, "available")).isZero();
        assertThat(holding(owner, "retired")).isZero();
    }

    private static void assertRefusedNaming(ApiClient.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).as(response.body()).contains(field);
    }

    @Test
    void issuesOneSerialRangePerVintageOnceAndAuditsEachMovement() {
        Holder owner = holder("Yunnan Pine Co.", "PROJECT_OWNER");
        UUID projectId = id(registeredProject(owner.id()));
        UUID reportId = UUID.randomUUID();
        var verified = new MonitoringReportVerified(UUID.randomUUID(), Instant.now(), reportId, projectId, owner.id(),
                UUID.randomUUID(), LocalDate.of(2023, 7, 1), LocalDate.of(2024, 6, 30), 2024, new BigDecimal("1000.5"),
                1000, 100, List.of(new MonitoringReportVerified.VintageCredits(2023, LocalDate.of(2023, 7, 1),
                        LocalDate.of(2023, 12, 31), 504, 51),
                        new MonitoringReportVerified.VintageCredits(2024, LocalDate.of(2024, 1, 1),
                                LocalDate.of(2024, 6, 30), 496, 49)), "ab12");
        TestEvents.send(Topics.VERIFICATION_REPORTS, projectId.toString(), verified);
        await().atMost(EVENTUALLY).until(() -> TestEvents.await(Topics.REGISTRY_CREDITS, CreditsIssued.class,
                e -> e.reportId().equals(reportId), EVENTUALLY).size() == 2);
        List<CreditsIssued> issued = TestEvents.await(Topics.REGISTRY_CREDITS, CreditsIssued.class,
                e -> e.reportId().equals(reportId), EVENTUALLY);
        assertThat(issued).extracting(CreditsIssued::vintage, CreditsIssued::quantity, CreditsIssued::bufferQuantity)
                .containsExactlyInAnyOrder(tuple(2023, 453L, 51L), tuple(2024, 447L, 49L));
        assertThat(issued).allSatisfy(e -> assertThat(e.ownerSerials().serial())
                .startsWith("CSR-" + e.projectCode() + "-" + e.vintage() + "-"));

        // redelivered: nothing more
        TestEvents.send(Topics.VERIFICATION_REPORTS, projectId.toString(), verified);
        await().atMost(EVENTUALLY).until(() -> holding(owner, "available") == 900);
        JsonNode page = api().get("/issuances?projectId=" + projectId + "&limit=1").expect(200);
        assertThat(page.get("total").asLong()).isEqualTo(2);
        assertThat(page.get("items")).hasSize(1);
        JsonNode second = api().get("/issuances?projectId=" + projectId + "&limit=1&after="
                + page.get("next").asString()).expect(200);
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("next").isNull()).isTrue();
        assertThat(second.get("items").get(0).get("id")).isNotEqualTo(page.get("items").get(0).get("id"));

        JsonNode entries = admin().get("/audit/entries?subjectType=issuance&subjectId="
                + issued.get(0).issuanceId()).expect(200).get("entries");
        assertThat(entries.findValuesAsString("action")).containsExactly("CREDITS_ISSUED", "CREDITS_ISSUED");
        assertThat(admin().get("/ledger/check?projectId=" + projectId).expect(200).get("balances")).hasSize(2);
    }

    @Test
    void listsTheIssuancesOfAReportSpanningYearsInVintageOrderPageByPage() {
        Holder owner = holder("Hunan Camphor Co.", "PROJECT_OWNER");
        UUID projectId = id(registeredProject(owner.id()));
        List<MonitoringReportVerified.VintageCredits> vintages = new ArrayList<>();
        for (int year = 2022; year <= 2025; year++) {
            vintages.add(new MonitoringReportVerified.VintageCredits(year, LocalDate.of(year, 1, 1),
                    LocalDate.of(year, 12, 31), 100, 10));
        }
        TestEvents.send(Topics.VERIFICATION_REPORTS, projectId.toString(), new MonitoringReportVerified(
                UUID.randomUUID(), Instant.now(), UUID.randomUUID(), projectId, owner.id(), UUID.randomUUID(),
                LocalDate.of(2022, 1, 1), LocalDate.of(2025, 12, 31), 2025, new BigDecimal("400"), 400, 40, vintages,
                "cd34"));
        await().atMost(EVENTUALLY).until(() -> api().get("/issuances?projectId=" + projectId).expect(200)
                .get("total").asLong() == 4);

        JsonNode all = api().get("/issuances?projectId=" + projectId).expect(200).get("items");
        assertThat(all.findValues("vintage")).extracting(JsonNode::asInt).containsExactly(2022, 2023, 2024, 2025);
        List<Integer> paged = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = api().get("/issuances?limit=1&projectId=" + projectId
                    + (after == null ? "" : "&after=" + after)).expect(200);
            page.get("items").forEach(i -> paged.add(i.get("vintage").asInt()));
            after = page.get("next").isNull() ? null : page.get("next").asString();
        } while (after != null);
        assertThat(paged).containsExactly(2022, 2023, 2024, 2025);
    }

    @Test
    void aHolderCancelsCreditsWithAReasonAndTheyNeverMoveAgain() {
        Holder owner = holder("Sichuan Grassland Co.", "PROJECT_OWNER");
        UUID projectId = projectWithCredits(owner, 2023, 500);

        JsonNode cancelled = api().as(owner.id(), "PROJECT_OWNER").post("/accounts/" + owner.account()
                + "/cancellations", Map.of("projectId", projectId, "vintage", 2023, "quantity", 50,
                        "reason", "Moved to another programme")).expect(201);
        assertThat(cancelled.get("kind").asString()).isEqualTo("VOLUNTARY");
        assertThat(cancelled.get("reason").asString()).isEqualTo("Moved to another programme");
        UUID cancellationId = id(cancelled);
        assertThat(TestEvents.await(Topics.REGISTRY_CREDITS, CreditsCancelled.class,
                e -> e.cancellationId().equals(cancellationId), EVENTUALLY)).singleElement()
                .satisfies(e -> assertThat(e.quantity()).isEqualTo(50));
        assertThat(holding(owner, "available")).isEqualTo(400);
        assertThat(holding(owner, "cancelled")).isEqualTo(50);

        var noReason = api().as(owner.id(), "PROJECT_OWNER").post("/accounts/" + owner.account() + "/cancellations",
                Map.of("projectId", projectId, "vintage", 2023, "quantity", 5, "reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").findValuesAsString("field")).containsExactly("reason");

        JsonNode check = admin().get("/ledger/check?projectId=" + projectId).expect(200);
        assertThat(check.get("sound").asBoolean()).isTrue();
        assertThat(check.get("balances").get(0).get("cancelled").asLong()).isEqualTo(50);
    }

    @Test
    void theReconciliationSnapshotShowsEachHoldItsDeliveriesAndTheLedgerToTheAdministratorOnly() {
        Holder owner = holder("Sichuan Bamboo Co.", "PROJECT_OWNER");
        Holder buyer = holder("Chengdu Metro", "TRADER");
        UUID projectId = projectWithCredits(owner, 2024, 1000);
        UUID holdId = UUID.randomUUID();
        UUID tradeId = UUID.randomUUID();
        String instrument = "I-" + holdId;
        TestEvents.send(Topics.TRADING_ORDERS, instrument, new CreditHoldRequested(UUID.randomUUID(), Instant.now(),
                holdId, instrument, owner.id(), projectId, 2024, 200));
        // the trade only once the hold exists: the two topics are not ordered with each other
        assertThat(TestEvents.await(Topics.REGISTRY_HOLDS, CreditsHeld.class, e -> e.holdId().equals(holdId),
                EVENTUALLY)).hasSize(1);
        TestEvents.send(Topics.TRADING_TRADES, instrument, new TradeExecuted(UUID.randomUUID(), Instant.now(), tradeId,
                instrument, holdId, owner.id(), buyer.id(), 30, new BigDecimal("80.00"), "CNY"));
        await().atMost(EVENTUALLY).until(() -> holding(buyer, "available") == 30);

        JsonNode snapshot = admin().get("/admin/reconciliation/snapshot").expect(200);

        assertThat(snapshot.get("holds").valueStream().filter(h -> h.get("holdId").asString().equals(holdId.toString())))
                .singleElement().satisfies(h -> {
                    assertThat(h.get("quantity").asLong()).isEqualTo(200);
                    assertThat(h.get("remaining").asLong()).isEqualTo(170);
                    assertThat(h.get("delivered").asLong()).isEqualTo(30);
                });
        assertThat(snapshot.get("deliveries").valueStream()
                .filter(d -> d.get("tradeId").asString().equals(tradeId.toString())))
                .singleElement().satisfies(d -> {
                    assertThat(d.get("holdId").asString()).isEqualTo(holdId.toString());
                    assertThat(d.get("quantity").asLong()).isEqualTo(30);
                });
        assertThat(snapshot.get("ledger").get("sound").asBoolean()).isTrue();
        assertThat(snapshot.get("ledger").get("held").asLong()).isGreaterThanOrEqualTo(170);
        assertThat(api().as(owner.id(), "PROJECT_OWNER").get("/admin/reconciliation/snapshot").status()).isEqualTo(403);
    }

    @Test
    void revocationCancelsEveryUnretiredCreditWhereverItIsHeld() {
        Holder owner = holder("Guangxi Eucalyptus Co.", "PROJECT_OWNER");
        Holder buyer = holder("Nanning Cement", "TRADER");
        UUID projectId = projectWithCredits(owner, 2025, 1000);
        api().as(owner.id(), "PROJECT_OWNER").post("/accounts/" + owner.account() + "/transfers",
                Map.of("toAccountId", buyer.account(), "projectId", projectId, "vintage", 2025, "quantity", 100))
                .expect(201);
        api().as(buyer.id(), "TRADER").post("/accounts/" + buyer.account() + "/retirements",
                Map.of("projectId", projectId, "vintage", 2025, "quantity", 40, "beneficiary", "Nanning Cement",
                        "purpose", "COMPLIANCE_OFFSET")).expect(201);
        UUID holdId = UUID.randomUUID();
        String instrument = "I-" + holdId;
        TestEvents.send(Topics.TRADING_ORDERS, instrument, new CreditHoldRequested(UUID.randomUUID(), Instant.now(),
                holdId, instrument, owner.id(), projectId, 2025, 200));
        assertThat(TestEvents.await(Topics.REGISTRY_HOLDS, CreditsHeld.class, e -> e.holdId().equals(holdId),
                EVENTUALLY)).hasSize(1);

        long cancelled = tx.execute(s -> projectCredits.cancelUnretiredCredits(projectId, "Fraudulent plot data",
                ADMINISTRATOR));

        // 900 - 100 to the buyer = 800 of the owner (200 held), 60 of the buyer, 100 in the buffer pool
        assertThat(cancelled).isEqualTo(800 + 60 + 100);
        assertThat(holding(owner, "available")).isZero();
        assertThat(holding(owner, "held")).isZero();
        assertThat(holding(owner, "cancelled")).isEqualTo(800);
        assertThat(holding(buyer, "retired")).isEqualTo(40);
        assertThat(holding(buyer, "cancelled")).isEqualTo(60);
        assertThat(jdbc.sql("select distinct reason from cancellation where project_id = :p").param("p", projectId)
                .query(String.class).list()).containsExactly("Fraudulent plot data");
        assertThat(jdbc.sql("select status from hold where id = :h").param("h", holdId).query(String.class).single())
                .isEqualTo("SPENT");
        JsonNode check = admin().get("/ledger/check?projectId=" + projectId).expect(200);
        assertThat(check.get("sound").asBoolean()).as(check.toString()).isTrue();
        assertThat(check.get("balances").get(0).get("cancelled").asLong()).isEqualTo(960);
        assertThat(check.get("balances").get(0).get("retired").asLong()).isEqualTo(40);
    }

    long blocks(Holder holder) {
        return jdbc.sql("select count(*) from serial_block where account_id = :a and state = 'AVAILABLE'")
                .param("a", holder.account()).query(Long.class).single();
    }
}
