package org.carbonsink.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carbonsink.contracts.CreditsIssued;
import org.carbonsink.contracts.MonitoringReportVerified;
import org.carbonsink.contracts.ProjectStateChanged;
import org.carbonsink.contracts.ReversalRecorded;
import org.carbonsink.contracts.Topics;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A reversal is covered from the pooled buffer, blocks issuance until made good, and is all public. */
class ReversalIT extends RegistryIT {

    @Autowired
    JdbcClient jdbc;

    UUID owner;

    UUID projectWithCredits(String ownerName, int vintage, long credits) {
        owner = id(registerParticipant(ownerName, "PROJECT_OWNER"));
        UUID projectId = id(registeredProject(owner));
        verify(projectId, vintage, credits);
        await().atMost(EVENTUALLY).until(() -> api().get("/issuances?projectId=" + projectId).expect(200)
                .get("total").asLong() == 1);
        return projectId;
    }

    UUID verify(UUID projectId, int vintage, long credits) {
        UUID reportId = UUID.randomUUID();
        UUID ownerOf = UUID.fromString(api().get("/projects/" + projectId).expect(200).get("ownerId").asString());
        TestEvents.send(Topics.VERIFICATION_REPORTS, projectId.toString(), new MonitoringReportVerified(
                UUID.randomUUID(), Instant.now(), reportId, projectId, ownerOf, UUID.randomUUID(),
                LocalDate.of(vintage, 1, 1), LocalDate.of(vintage, 12, 31), vintage, new BigDecimal(credits),
                credits, credits / 10));
        return reportId;
    }

    @Test
    void aLossCancelsBufferCreditsOwnFirstThenPooledAndBlocksIssuanceUntilMadeGood() {
        UUID other = projectWithCredits("Hainan Seagrass Co.", 2000, 500);
        UUID burnt = projectWithCredits("Yunnan Fir Co.", 2024, 1000);

        JsonNode reversal = admin().post("/reversals", Map.of("projectId", burnt, "lossDate", "2025-04-02",
                "cause", "Forest fire in compartment 12", "lossCredits", 130)).expect(201);
        assertThat(reversal.get("bufferCancelled").asLong()).isEqualTo(130);
        assertThat(reversal.get("shortfall").asLong()).isZero();
        assertThat(reversal.get("issuanceBlocked").asBoolean()).isTrue();
        UUID reversalId = id(reversal);
        assertThat(api().get("/reversals/" + reversalId).expect(200).get("cause").asString())
                .isEqualTo("Forest fire in compartment 12");
        assertThat(TestEvents.await(Topics.REGISTRY_CREDITS, ReversalRecorded.class,
                e -> e.reversalId().equals(reversalId), EVENTUALLY)).singleElement()
                .satisfies(e -> assertThat(e.bufferCancelled()).isEqualTo(130));
        assertThat(TestEvents.await(Topics.REGISTRY_PROJECTS, ProjectStateChanged.class,
                e -> e.projectId().equals(burnt), EVENTUALLY)).singleElement()
                .satisfies(e -> assertThat(e.issuanceBlocked()).isTrue());

        // 100 of the project's own buffer, then 30 of the oldest other buffer (vintage 2000)
        JsonNode cancellations = api().get("/cancellations?kind=REVERSAL&projectId=" + other).expect(200);
        assertThat(cancellations.get("items")).singleElement().satisfies(c -> {
            assertThat(c.get("quantity").asLong()).isEqualTo(30);
            assertThat(c.get("reversalId").asString()).isEqualTo(reversalId.toString());
        });
        JsonNode supply = api().get("/ledger/supply?projectId=" + burnt).expect(200).get("items").get(0);
        assertThat(supply.get("buffer").asLong()).isZero();
        assertThat(supply.get("bufferCancelled").asLong()).isEqualTo(100);
        assertThat(supply.get("issued").asLong()).isEqualTo(1000);
        assertThat(api().get("/ledger/supply?projectId=" + other).expect(200).get("items").get(0)
                .get("buffer").asLong()).isEqualTo(20);
        assertThat(admin().get("/ledger/check?projectId=" + other).expect(200).get("sound").asBoolean()).isTrue();
        long bufferSerial = api().get("/issuances?projectId=" + burnt).expect(200).get("items").get(0)
                .get("bufferSerials").get("first").asLong();
        JsonNode serial = api().get("/ledger/serials/" + bufferSerial).expect(200);
        assertThat(serial.get("state").asString()).isEqualTo("CANCELLED");
        assertThat(serial.get("movements").findValuesAsString("kind")).containsExactly("ISSUE", "CANCEL");
        // the block as issuances and certificates show it finds the same story; a block of another vintage none
        JsonNode issuance = api().get("/issuances?projectId=" + burnt).expect(200).get("items").get(0);
        String bufferBlock = issuance.get("bufferSerials").get("serial").asString();
        assertThat(api().get("/ledger/serials/" + bufferBlock).expect(200)).isEqualTo(serial);
        int vintage = issuance.get("vintage").asInt();
        api().get("/ledger/serials/" + bufferBlock.replace("-" + vintage + "-", "-" + (vintage - 1) + "-")).expect(404);
        assertThat(api().get("/ledger/serials/CSR-2025-1").expect(400).get("errors").get(0).toString())
                .contains("\"field\":\"serial\"", "serial-or-block");
        assertThat(api().get("/ledger/serials/0").expect(400).get("errors").get(0).toString()).contains("\"serial\"");

        // a report verified while blocked makes the loss good and is not issued; then issuance resumes
        UUID withheld = verify(burnt, 2025, 80);
        await().atMost(EVENTUALLY).until(() -> api().get("/reversals/" + reversalId).expect(200)
                .get("madeGoodCredits").asLong() == 80);
        assertThat(api().get("/reversals/" + reversalId).expect(200).get("issuanceBlocked").asBoolean()).isTrue();
        // the report that reaches the loss makes good the 50 still lost and is issued the 10 beyond it
        // (Verra: credits are issued for the removals in excess of the loss), with their own buffer share
        UUID reaching = verify(burnt, 2025, 60);
        await().atMost(EVENTUALLY).until(() -> !api().get("/reversals/" + reversalId).expect(200)
                .get("issuanceBlocked").asBoolean());
        assertThat(api().get("/reversals/" + reversalId).expect(200).get("madeGoodCredits").asLong()).isEqualTo(130);
        assertThat(TestEvents.await(Topics.REGISTRY_CREDITS, CreditsIssued.class,
                e -> e.reportId().equals(reaching), EVENTUALLY)).singleElement().satisfies(e -> {
                    assertThat(e.quantity()).isEqualTo(9);
                    assertThat(e.bufferQuantity()).isEqualTo(1);
                });
        assertThat(TestEvents.await(Topics.REGISTRY_PROJECTS, ProjectStateChanged.class,
                e -> e.projectId().equals(burnt) && !e.issuanceBlocked(), EVENTUALLY)).hasSize(1);
        UUID resumed = verify(burnt, 2025, 200);
        assertThat(TestEvents.await(Topics.REGISTRY_CREDITS, CreditsIssued.class,
                e -> e.reportId().equals(resumed), EVENTUALLY)).singleElement()
                .satisfies(e -> assertThat(e.quantity()).isEqualTo(180));
        assertThat(jdbc.sql("select count(*) from issuance where report_id = :r").param("r", withheld)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aVerifiedReportWithALossIsRecordedOnceAsAReversalThatNamesItAndBlocksIssuance() {
        UUID burnt = projectWithCredits("Jiangxi Masson Pine Co.", 2024, 1000);
        UUID reportId = UUID.randomUUID();
        MonitoringReportVerified loss = new MonitoringReportVerified(UUID.randomUUID(), Instant.now(), reportId, burnt,
                owner, UUID.randomUUID(), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30), 2025,
                new BigDecimal("-119.1700"), 0, 0, List.of(), "ab12", 120L);

        TestEvents.send(Topics.VERIFICATION_REPORTS, burnt.toString(), loss);
        // redelivered, then announced again under a new event id: still one reversal
        TestEvents.send(Topics.VERIFICATION_REPORTS, burnt.toString(), loss);
        TestEvents.send(Topics.VERIFICATION_REPORTS, burnt.toString(), new MonitoringReportVerified(UUID.randomUUID(),
                Instant.now(), reportId, burnt, owner, loss.verifierId(), loss.periodStart(), loss.periodEnd(), 2025,
                loss.netRemovals(), 0, 0, List.of(), "ab12", 120L));
        // read after the three on the project's key: makes 50 of the loss good and is not issued
        UUID regrowth = verify(burnt, 2025, 50);

        await().atMost(EVENTUALLY).until(() -> api().get("/reversals?projectId=" + burnt).expect(200).get("items")
                .findValuesAsString("madeGoodCredits").contains("50"));
        JsonNode reversals = api().get("/reversals?projectId=" + burnt).expect(200);
        assertThat(reversals.get("items")).singleElement().satisfies(r -> {
            assertThat(r.get("reportId").asString()).isEqualTo(reportId.toString());
            assertThat(r.get("reportUrl").asString()).isEqualTo("/api/verification/reports/" + reportId);
            assertThat(r.get("recordedBy").isNull()).isTrue();
            assertThat(r.get("lossCredits").asLong()).isEqualTo(120);
            assertThat(r.get("lossDate").asString()).isEqualTo("2025-06-30");
            assertThat(r.get("cause").asString()).startsWith("MONITORED_LOSS: monitoring report " + reportId)
                    .contains("-119.1700 tCO2e");
            assertThat(r.get("bufferCancelled").asLong() + r.get("shortfall").asLong()).isEqualTo(120);
            assertThat(r.get("issuanceBlocked").asBoolean()).isTrue();
        });
        UUID reversalId = id(reversals.get("items").get(0));
        assertThat(TestEvents.await(Topics.REGISTRY_CREDITS, ReversalRecorded.class,
                e -> e.reversalId().equals(reversalId), EVENTUALLY)).singleElement()
                .satisfies(e -> assertThat(e.reportId()).isEqualTo(reportId));
        // the project's own buffer (100 of the 1,000) is cancelled first
        assertThat(api().get("/ledger/supply?projectId=" + burnt).expect(200).get("items").get(0)
                .get("bufferCancelled").asLong()).isEqualTo(100);
        assertThat(api().get("/cancellations?kind=REVERSAL&projectId=" + burnt).expect(200).get("items")
                .findValuesAsString("reversalId")).containsExactly(reversalId.toString());
        assertThat(jdbc.sql("select count(*) from issuance where report_id = :r").param("r", regrowth)
                .query(Long.class).single()).isZero();
        assertThat(admin().get("/ledger/check?projectId=" + burnt).expect(200).get("sound").asBoolean()).isTrue();
    }

    @Test
    void theCancellationsOfOneReversalAreListedInTheOrderTheyWereMade() {
        UUID burnt = projectWithCredits("Fujian Camphor Co.", 2021, 100);
        for (int vintage = 2022; vintage <= 2024; vintage++) {
            verify(burnt, vintage, 100);
        }
        await().atMost(EVENTUALLY).until(() -> api().get("/issuances?projectId=" + burnt).expect(200)
                .get("total").asLong() == 4);

        // 10 buffer credits of each vintage, oldest first: four cancellations in one instant
        admin().post("/reversals", Map.of("projectId", burnt, "lossDate", "2025-02-01", "cause", "Typhoon",
                "lossCredits", 40)).expect(201);

        JsonNode listed = api().get("/cancellations?kind=REVERSAL&projectId=" + burnt).expect(200);
        assertThat(listed.get("items").findValuesAsString("cancelledAt")).hasSize(4).containsOnly(
                listed.get("items").get(0).get("cancelledAt").asString());
        assertThat(listed.get("items").findValues("vintage")).extracting(JsonNode::asInt)
                .containsExactly(2021, 2022, 2023, 2024);
        JsonNode paged = api().get("/cancellations?kind=REVERSAL&projectId=" + burnt + "&limit=3").expect(200);
        JsonNode rest = api().get("/cancellations?kind=REVERSAL&projectId=" + burnt + "&limit=3&after="
                + paged.get("next").asString()).expect(200);
        assertThat(rest.get("items").findValues("vintage")).extracting(JsonNode::asInt).containsExactly(2024);
    }

    @Test
    void resumingASuspendedProjectKeepsIssuanceBlockedWhileAReversalIsNotMadeGood() {
        UUID burnt = projectWithCredits("Heilongjiang Larch Co.", 2024, 1000);
        admin().post("/reversals", Map.of("projectId", burnt, "lossDate", "2025-04-02", "cause", "Larch sawfly",
                "lossCredits", 50)).expect(201);

        admin().post("/projects/" + burnt + "/suspension", Map.of("reason", "Pest inspection")).expect(200);
        admin().post("/projects/" + burnt + "/resumption", Map.of("reason", "Pest inspection closed")).expect(200);

        assertThat(TestEvents.await(Topics.REGISTRY_PROJECTS, ProjectStateChanged.class,
                e -> e.projectId().equals(burnt) && "Pest inspection closed".equals(e.reason()), EVENTUALLY))
                .singleElement().satisfies(e -> {
                    assertThat(e.state()).isEqualTo("REGISTERED");
                    assertThat(e.issuanceBlocked()).isTrue();
                });
    }

    @Test
    void aLossLargerThanThePoolCancelsWhatThereIsAndRecordsTheShortfall() {
        UUID project = projectWithCredits("Qinghai Wetland Co.", 2024, 300);
        long pool = api().get("/ledger/buffer-pool").expect(200).get("available").asLong();

        JsonNode reversal = admin().post("/reversals", Map.of("projectId", project, "lossDate", "2025-01-10",
                "cause", "Pest outbreak", "lossCredits", pool + 25)).expect(201);

        assertThat(reversal.get("bufferCancelled").asLong()).isEqualTo(pool);
        assertThat(reversal.get("shortfall").asLong()).isEqualTo(25);
        assertThat(api().get("/ledger/buffer-pool").expect(200).get("available").asLong()).isZero();
        assertThat(admin().get("/ledger/check").expect(200).get("sound").asBoolean()).isTrue();
    }

    @Test
    void onlyTheAdministratorRecordsAReversalAndBadInputChangesNothing() {
        UUID project = projectWithCredits("Shandong Kelp Co.", 2024, 100);
        Map<String, Object> body = Map.of("projectId", project, "lossDate", "2025-01-10", "cause", "Storm",
                "lossCredits", 5);
        ApiClient.Response byOwner = api().as(owner, "PROJECT_OWNER").post("/reversals", body);
        assertThat(byOwner.status()).isEqualTo(403);
        ApiClient.Response claimingAdmin = api().as(owner, "REGISTRY_ADMINISTRATOR").post("/reversals", body);
        assertThat(claimingAdmin.status()).isEqualTo(403);
        ApiClient.Response future = admin().post("/reversals", Map.of("projectId", project, "lossDate", "2999-01-01",
                "cause", "Storm", "lossCredits", 5));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("errors").findValuesAsString("field")).containsExactly("lossDate");
        ApiClient.Response invalid = admin().post("/reversals", Map.of("projectId", project, "lossDate", "2025-01-10",
                "cause", " ", "lossCredits", 0));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").findValuesAsString("field")).contains("cause", "lossCredits");
        // the design's crediting period starts on 2021-03-01
        ApiClient.Response beforeCrediting = admin().post("/reversals", Map.of("projectId", project, "lossDate",
                "2021-02-28", "cause", "Storm", "lossCredits", 5));
        assertThat(beforeCrediting.status()).isEqualTo(400);
        assertThat(beforeCrediting.json().get("errors").findValuesAsString("field")).containsExactly("lossDate");
        assertThat(beforeCrediting.json().get("errors").findValuesAsString("rule"))
                .containsExactly("within-crediting-period");
        assertThat(api().get("/reversals?projectId=" + project).expect(200).get("items")).isEmpty();
    }
}
