package org.carbonsink.verification.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carbonsink.calendar.WorkingDayCalendar;
import org.carbonsink.calendar.WorkingDayWindow;
import org.carbonsink.contracts.CreditsIssued;
import org.carbonsink.contracts.ProjectRegistered;
import org.carbonsink.contracts.ProjectStateChanged;
import org.carbonsink.contracts.Topics;
import org.carbonsink.testsupport.ApiClient.Response;
import org.carbonsink.testsupport.TestEvents;
import org.carbonsink.verification.ServiceIntegration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The verification workflow over HTTP, PostgreSQL and Kafka, with the clock set by the test: the
 * disclosure window, changes and resubmission with versions, the verifier and project rules, the
 * idempotent decision, and issuance per vintage.
 */
class WorkflowIT extends ServiceIntegration {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Test
    void concludesOnlyAfterTheTwentyWorkingDaysOfDisclosure() {
        ProjectRegistered project = registered(projectRegistered());
        UUID verifier = verifier();
        String id = submit(project, verifier, "2021-01-01", "2025-12-31", "80");

        JsonNode disclosed = owner(project).post("/reports/" + id + "/disclosure", Map.of()).expect(200);

        WorkingDayWindow window = WorkingDayCalendar.china().window(LocalDate.of(2026, 1, 1), 20);
        assertThat(disclosed.get("status").asString()).isEqualTo("DISCLOSED");
        assertThat(disclosed.get("disclosureOpens").asString()).isEqualTo("2026-01-01");
        assertThat(disclosed.get("disclosureCloses").asString()).isEqualTo(window.closes().toString());
        assertThat(WorkingDayCalendar.china().workingDaysBetween(LocalDate.of(2025, 12, 31), window.closes()))
                .isEqualTo(20);
        api().as(verifier, "VERIFIER").post("/reports/" + id + "/verification", Map.of()).expect(200);

        // on the last day of the disclosure neither approval nor rejection concludes
        CLOCK.set(window.closes().atTime(17, 0).atZone(CHINA).toInstant());
        Response early = decide(verifier, id, "APPROVE", null);
        assertThat(early.expect(409).get("type").asString()).isEqualTo("urn:carbonsink:problem:disclosure-open");
        assertThat(early.json().get("disclosureCloses").asString()).isEqualTo(window.closes().toString());
        assertThat(decide(verifier, id, "REJECT", "too early").status()).isEqualTo(409);
        assertThat(status(id)).isEqualTo("UNDER_VERIFICATION");

        CLOCK.set(window.closes().plusDays(1).atStartOfDay(CHINA).toInstant());
        assertThat(decide(verifier, id, "APPROVE", null).expect(200).get("status").asString()).isEqualTo("VERIFIED");
    }

    /**
     * CCER: a removal report is disclosed for 20 working days with the name of its verifier. The public reads
     * the report without a token, so the report itself names the verifier, not only its id (the participant
     * record is the participant's and the administrator's alone).
     */
    @Test
    void theDisclosedReportNamesItsVerifierToThePublic() {
        ProjectRegistered project = registered(projectRegistered());
        UUID verifier = verifier();
        String name = "Participant " + verifier.toString().substring(0, 8);
        String id = submit(project, verifier, "2021-01-01", "2025-12-31", "80");
        owner(project).post("/reports/" + id + "/disclosure", Map.of()).expect(200);

        JsonNode report = api().get("/reports/" + id).expect(200);
        JsonNode listed = api().get("/reports?projectId=" + project.projectId()).expect(200).get("items").get(0);

        assertThat(report.get("verifierId").asString()).isEqualTo(verifier.toString());
        assertThat(report.get("verifierName").asString()).isEqualTo(name);
        assertThat(listed.get("verifierName").asString()).isEqualTo(name);
    }

    @Test
    void changesAreRequestedAndResubmittedAsANewVersionWhileTheEarlierStaysReadable() {
        ProjectRegistered project = registered(projectRegistered());
        UUID verifier = verifier();
        String id = underVerification(project, verifier, volumeReport(project, verifier, "2021-01-01", "2025-12-31",
                "5", stand("CHINESE_FIR", "100", "20", "80")));

        assertThat(decide(verifier, id, "REQUEST_CHANGES", null).expect(400).get("errors").get(0).get("field").asString())
                .isEqualTo("comment");
        JsonNode changes = decide(verifier, id, "REQUEST_CHANGES", "stratum 0: end volume not supported by plot sheets")
                .expect(200);
        assertThat(changes.get("status").asString()).isEqualTo("CHANGES_REQUESTED");
        // the verifier cannot conclude while the owner reworks the report
        afterDisclosure();
        assertThat(decide(verifier, id, "APPROVE", null).expect(409).get("type").asString())
                .isEqualTo("urn:carbonsink:problem:not-under-verification");

        // 2021-01-01 is more than 5 years before today, but not before the first submission (2026-01-01)
        Map<String, Object> corrected = volumeReport(project, verifier, "2021-01-01", "2025-12-31", "5",
                stand("CHINESE_FIR", "100", "20", "70"));
        JsonNode resubmitted = owner(project).post("/reports/" + id + "/versions", corrected).expect(201);

        assertThat(resubmitted.get("status").asString()).isEqualTo("RESUBMITTED");
        assertThat(resubmitted.get("version").asInt()).isEqualTo(2);
        assertThat(resubmitted.get("periodStart").asString()).isEqualTo("2021-01-01");
        // 100 ha · 50 m³/ha · 1.1917447408533… = 5,958.7237 tCO2e
        assertThat(resubmitted.get("netRemovals").decimalValue()).isEqualByComparingTo("5958.7237");
        assertThat(resubmitted.get("verifiedCredits").asLong()).isEqualTo(5958);
        JsonNode versions = api().get("/reports/" + id + "/versions").expect(200);
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("verifiedCredits").asLong()).isEqualTo(7150);
        assertThat(versions.get(0).get("provenanceHash").asString())
                .isNotEqualTo(versions.get(1).get("provenanceHash").asString());
        assertThat(versions.get(0).get("provenance").asString()).contains("\"volumeEndPerHectare\":\"80\"");
        assertThat(api().get("/reports/" + id + "/recomputation?version=1").expect(200).get("matches").asBoolean())
                .isTrue();
        assertThat(owner(project).post("/reports/" + id + "/versions", corrected).expect(409).get("type").asString())
                .isEqualTo("urn:carbonsink:problem:not-awaiting-changes");

        JsonNode approved = decide(verifier, id, "APPROVE", "corrected volumes match the plot sheets").expect(200);

        assertThat(approved.get("status").asString()).isEqualTo("VERIFIED");
        List<String> history = new ArrayList<>();
        approved.get("history").forEach(t -> history.add(t.get("to").asString() + " v" + t.get("version").asInt()
                + " by " + t.get("by").asString()));
        String owner = project.ownerId().toString();
        assertThat(history).containsExactly("SUBMITTED v1 by " + owner, "DISCLOSED v1 by " + owner,
                "UNDER_VERIFICATION v1 by " + verifier, "CHANGES_REQUESTED v1 by " + verifier,
                "RESUBMITTED v2 by " + owner, "VERIFIED v2 by " + verifier);
        approved.get("history").forEach(t -> assertThat(t.get("at").isNull()).isFalse());
    }

    @Test
    void theVerifierIsARegisteredVerifierNeitherOwnerNorValidator() {
        ProjectRegistered project = registered(projectRegistered());

        Response unknown = owner(project).post("/reports", volumeReport(project, UUID.randomUUID(), "2021-01-01",
                "2025-12-31", "5", stand("CHINESE_FIR", "100", "20", "80")));
        assertThat(unknown.expect(422).get("type").asString()).isEqualTo("urn:carbonsink:problem:verifier-not-registered");
        Response notAVerifier = owner(project).post("/reports", volumeReport(project, participant("PROJECT_OWNER"),
                "2021-01-01", "2025-12-31", "5", stand("CHINESE_FIR", "100", "20", "80")));
        assertThat(notAVerifier.expect(422).get("detail").asString()).contains("registered as PROJECT_OWNER");
        assertThat(owner(project).post("/reports", volumeReport(project, project.validatorId(), "2021-01-01",
                "2025-12-31", "5", stand("CHINESE_FIR", "100", "20", "80"))).expect(422).get("type").asString())
                .isEqualTo("urn:carbonsink:problem:verifier-validated-project");

        UUID verifier = verifier();
        String id = submit(project, verifier, "2021-01-01", "2025-12-31", "80");
        assertThat(api().as(verifier, "VERIFIER").post("/reports/" + id + "/verification", Map.of())
                .expect(409).get("type").asString()).isEqualTo("urn:carbonsink:problem:not-disclosed");
        owner(project).post("/reports/" + id + "/disclosure", Map.of()).expect(200);
        assertThat(api().as(verifier(), "VERIFIER").post("/reports/" + id + "/verification", Map.of()).status())
                .isEqualTo(403);
        assertThat(status(id)).isEqualTo("DISCLOSED");
    }

    @Test
    void aSuspendedOrRevokedProjectGetsNoVerificationWhileAReversalOnlyWithholdsIssuance() {
        ProjectRegistered project = registered(projectRegistered());
        UUID verifier = verifier();
        String id = submit(project, verifier, "2021-01-01", "2025-12-31", "80");
        owner(project).post("/reports/" + id + "/disclosure", Map.of()).expect(200);

        changeState(project, "SUSPENDED", false, "fire damage under investigation");
        Response suspended = api().as(verifier, "VERIFIER").post("/reports/" + id + "/verification", Map.of());
        assertThat(suspended.expect(422).get("type").asString()).isEqualTo("urn:carbonsink:problem:project-not-verifiable");
        assertThat(suspended.json().get("detail").asString()).contains("SUSPENDED", "fire damage");

        // a reversal not yet made good: the registry withholds issuance, and this report may be the one
        // whose verified removals make the loss good, so it is verified
        changeState(project, "REGISTERED", true, "reversal of 120 t not yet made good");
        api().as(verifier, "VERIFIER").post("/reports/" + id + "/verification", Map.of()).expect(200);
        afterDisclosure();
        changeState(project, "REVOKED", true, "fraud");
        assertThat(decide(verifier, id, "APPROVE", null).expect(422).get("type").asString())
                .isEqualTo("urn:carbonsink:problem:project-not-verifiable");
        assertThat(status(id)).isEqualTo("UNDER_VERIFICATION");
    }

    @Test
    void aCancelledProjectTakesNoReportWhileASuspendedOneDoes() {
        ProjectRegistered cancelled = registered(projectRegistered());
        changeState(cancelled, "CANCELLED", true, "the owner stopped the project");

        Response refused = owner(cancelled).post("/reports", volumeReport(cancelled, verifier(), "2021-01-01",
                "2025-12-31", "5", stand("CHINESE_FIR", "100", "20", "80")));

        assertThat(refused.expect(422).get("type").asString()).isEqualTo("urn:carbonsink:problem:project-not-verifiable");
        assertThat(refused.json().get("detail").asString()).contains("CANCELLED", "takes no monitoring report");
        assertThat(owner(cancelled).get("/reports?projectId=" + cancelled.projectId()).expect(200).get("total")
                .asLong()).isZero();

        ProjectRegistered suspended = registered(projectRegistered());
        changeState(suspended, "SUSPENDED", false, "fire damage under investigation");
        submit(suspended, verifier(), "2021-01-01", "2025-12-31", "80");
    }

    @Test
    void theClaimLiesWithinTheCreditingPeriod() {
        ProjectRegistered template = projectRegistered();
        ProjectRegistered project = registered(new ProjectRegistered(template.eventId(), template.occurredAt(),
                template.projectId(), template.projectCode(), template.name(), template.ownerId(),
                template.methodologyCode(), template.ecosystemType(), template.province(), template.areaHectares(),
                template.bufferRate(), template.validatorId(), "V01", "FOREST_STOCK_DIFFERENCE",
                LocalDate.of(2022, 1, 1), LocalDate.of(2025, 6, 30)));
        UUID verifier = verifier();

        Response before = owner(project).post("/reports", volumeReport(project, verifier, "2021-06-01", "2023-12-31",
                "5", stand("CHINESE_FIR", "100", "20", "80")));
        assertThat(before.expect(422).get("type").asString()).isEqualTo("urn:carbonsink:problem:outside-crediting-period");
        assertThat(before.json().get("errors").get(0).get("field").asString()).isEqualTo("periodStart");
        Response after = owner(project).post("/reports", volumeReport(project, verifier, "2022-01-01", "2025-12-31",
                "5", stand("CHINESE_FIR", "100", "20", "80")));
        assertThat(after.json().get("errors").get(0).get("field").asString()).isEqualTo("periodEnd");
        owner(project).post("/reports", volumeReport(project, verifier, "2022-01-01", "2025-06-30", "5",
                stand("CHINESE_FIR", "100", "20", "80"))).expect(201);
    }

    @Test
    void anOlderRegistrationGetsItsMethodFromMethodologyAndEcosystem() {
        ProjectRegistered mangrove = registered(new ProjectRegistered(UUID.randomUUID(), Instant.parse("2025-01-02T00:00:00Z"),
                UUID.randomUUID(), "CCER-P-OLD-" + UUID.randomUUID().toString().substring(0, 6), "Zhanjiang mangrove",
                UUID.randomUUID(), "CCER-14-002-V01", "MANGROVE", "Guangdong", new BigDecimal("50"),
                new BigDecimal("0.10"), UUID.randomUUID()));

        JsonNode project = api().get("/projects/" + mangrove.projectId()).expect(200);
        assertThat(project.get("calculationMethod").asString()).isEqualTo("MANGROVE_BIOMASS_AND_SOIL");
        assertThat(project.get("creditingPeriodStart").isNull()).isTrue();

        Response fir = owner(mangrove).post("/reports", volumeReport(mangrove, verifier(), "2021-01-01", "2025-12-31",
                "5", stand("CHINESE_FIR", "10", "20", "80")));
        assertThat(fir.expect(422).get("type").asString()).isEqualTo("urn:carbonsink:problem:stratum-does-not-fit-method");
        assertThat(fir.json().get("errors").get(0).get("field").asString()).isEqualTo("strata[0].species");
    }

    @Test
    void aSecondDecisionNeverAnnouncesTwice() {
        ProjectRegistered project = registered(projectRegistered());
        UUID verifier = verifier();
        String id = verified(project, verifier, volumeReport(project, verifier, "2021-01-01", "2025-12-31", "5",
                stand("CHINESE_FIR", "100", "20", "80"))).get("id").asString();

        assertThat(decide(verifier, id, "APPROVE", null).expect(200).get("status").asString()).isEqualTo("VERIFIED");
        assertThat(decide(verifier, id, "REJECT", "changed my mind").expect(409).get("type").asString())
                .isEqualTo("urn:carbonsink:problem:already-decided");
        assertThat(announcements(id)).isOne();
    }

    @Test
    void theReportIsIssuedWhenEveryVintageIsIssuedAndRedeliveriesChangeNothing() {
        ProjectRegistered project = registered(projectRegistered());
        UUID verifier = verifier();
        JsonNode verified = verified(project, verifier, volumeReport(project, verifier, "2024-07-01", "2025-06-30",
                "5", stand("CHINESE_FIR", "100", "20", "80")));
        String id = verified.get("id").asString();
        UUID report = UUID.fromString(id);
        // 7150 over 365 days: floor(7150 · 184 / 365) = 3604 in 2024, 3546 in 2025
        assertThat(verified.get("vintages").get(0).get("credits").asLong()).isEqualTo(3604);
        assertThat(verified.get("vintages").get(1).get("credits").asLong()).isEqualTo(3546);

        CreditsIssued first = issued(project, report, 2024, 3604);
        TestEvents.send(Topics.REGISTRY_CREDITS, project.projectId().toString(), first);
        await().atMost(PATIENCE).until(() -> issuanceOf(report, 2024) != null);
        assertThat(status(id)).isEqualTo("VERIFIED");

        // the same event again, and another issuance of the same vintage: neither counts
        TestEvents.send(Topics.REGISTRY_CREDITS, project.projectId().toString(), first);
        TestEvents.send(Topics.REGISTRY_CREDITS, project.projectId().toString(), issued(project, report, 2024, 3604));
        TestEvents.send(Topics.REGISTRY_CREDITS, project.projectId().toString(), issued(project, report, 2025, 3546));
        await().atMost(PATIENCE).until(() -> status(id).equals("ISSUED"));

        assertThat(issuanceOf(report, 2024)).isEqualTo(first.issuanceId());
        JsonNode issued = api().get("/reports/" + id).expect(200);
        JsonNode last = issued.get("history").get(issued.get("history").size() - 1);
        assertThat(last.get("to").asString()).isEqualTo("ISSUED");
        assertThat(last.get("role").asString()).isEqualTo("REGISTRY");
        assertThat(jdbc.sql("select count(*) from report_transition where report_id = :id and to_status = 'ISSUED'")
                .param("id", report).query(Long.class).single()).isOne();
    }

    private CreditsIssued issued(ProjectRegistered project, UUID report, int vintage, long quantity) {
        long buffer = (quantity + 9) / 10;
        return new CreditsIssued(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), report, project.projectId(),
                project.projectCode(), vintage, project.ownerId(), quantity - buffer, buffer, null, null);
    }

    private UUID issuanceOf(UUID report, int vintage) {
        return jdbc.sql("select issuance_id from report_vintage where report_id = :id and vintage = :vintage")
                .param("id", report).param("vintage", vintage).query(UUID.class).optional().orElse(null);
    }

    private void changeState(ProjectRegistered project, String state, boolean blocked, String reason) {
        Instant at = Instant.now();
        TestEvents.send(Topics.REGISTRY_PROJECTS, project.projectId().toString(), new ProjectStateChanged(
                UUID.randomUUID(), at, project.projectId(), state, blocked, reason));
        await().atMost(PATIENCE).until(() -> {
            JsonNode p = api().get("/projects/" + project.projectId()).expect(200);
            return p.get("state").asString().equals(state) && p.get("issuanceBlocked").asBoolean() == blocked;
        });
    }

    private String submit(ProjectRegistered project, UUID verifier, String start, String end, String endVolume) {
        return owner(project).post("/reports", volumeReport(project, verifier, start, end, "5",
                stand("CHINESE_FIR", "100", "20", endVolume))).expect(201).get("id").asString();
    }

    private org.carbonsink.testsupport.ApiClient owner(ProjectRegistered project) {
        return api().as(project.ownerId(), "PROJECT_OWNER");
    }

    private Response decide(UUID verifier, String id, String decision, String comment) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("decision", decision);
        if (comment != null) {
            body.put("comment", comment);
        }
        return api().as(verifier, "VERIFIER").post("/reports/" + id + "/decision", body);
    }

    private String status(String id) {
        return api().get("/reports/" + id).expect(200).get("status").asString();
    }

    private long announcements(String id) {
        return jdbc.sql("select count(*) from outbox_event where event_type = 'MonitoringReportVerified' and payload like :id")
                .param("id", "%" + id + "%").query(Long.class).single();
    }
}
