package org.carbonsink.verification.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carbonsink.contracts.MonitoringReportVerified;
import org.carbonsink.contracts.ProjectRegistered;
import org.carbonsink.contracts.ReversalRecorded;
import org.carbonsink.contracts.Topics;
import org.carbonsink.testsupport.ApiClient.Response;
import org.carbonsink.testsupport.TestEvents;
import org.carbonsink.verification.ServiceIntegration;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import tools.jackson.databind.JsonNode;

/**
 * A monitoring report from the registry's ProjectRegistered to the MonitoringReportVerified the
 * registry issues from, over HTTP, PostgreSQL and Kafka; and the rules that refuse a report.
 */
class ReportLifecycleIT extends ServiceIntegration {

    private HttpResponse<String> csv(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api().baseUrl() + path))
                    .header("Accept", "text/csv").GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void computesTheRemovalsAndAnnouncesTheApprovedReport() {
        ProjectRegistered project = registered(projectRegistered());
        UUID verifier = verifier();

        Response submitted = api().as(project.ownerId()).post("/reports",
                report(project, verifier, "2021-01-01", "2025-12-31", "8.5", stratum("CHINESE_FIR", "100", "20", "80")));

        JsonNode created = submitted.expect(201);
        String id = created.get("id").asString();
        assertThat(submitted.header("Location")).endsWith("/reports/" + id);
        assertThat(created.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(created.get("calculationMethod").asString()).isEqualTo("FOREST_STOCK_DIFFERENCE");
        assertThat(created.get("projectId").asString()).isEqualTo(project.projectId().toString());
        assertThat(created.get("vintage").asInt()).isEqualTo(2025);
        assertThat(created.get("version").asInt()).isEqualTo(1);
        assertThat(created.get("netRemovals").decimalValue()).isEqualByComparingTo("7150.4684");
        assertThat(created.get("deductionRate").decimalValue()).isZero();
        assertThat(created.get("uncertaintySource").asString()).isEqualTo("STATED");
        assertThat(created.get("verifiedCredits").asLong()).isEqualTo(7150);
        // per vintage: 1429, 1429, 1429, 1433, 1430 -> buffers ceil(10%) 143 + 143 + 143 + 144 + 143
        assertThat(vintageCredits(created)).containsExactly(1429L, 1429L, 1429L, 1433L, 1430L);
        assertThat(created.get("bufferCredits").asLong()).isEqualTo(716);
        assertThat(created.get("provenanceHash").asString()).matches("[0-9a-f]{64}");
        assertThat(created.get("parameterVersion").asString()).isEqualTo("P-2026-12-01");

        // public disclosure: anyone reads it, without naming themselves
        assertThat(api().get("/reports/" + id).expect(200).get("netRemovals").decimalValue())
                .isEqualByComparingTo("7150.4684");
        JsonNode page = api().get("/reports?projectId=" + project.projectId() + "&status=SUBMITTED").expect(200);
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("id").asString()).isEqualTo(id);
        assertThat(page.get("limit").asInt()).isEqualTo(50);
        assertThat(api().get("/reports?limit=501").status()).isEqualTo(400);
        // the same list as CSV: a report's vintages are one cell a reader can use, not Java's text of the records
        HttpResponse<String> csv = csv("/reports?projectId=" + project.projectId());
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("X-Total-Count")).contains("1");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("id,projectId,ownerId,verifierId,status,calculationMethod,periodStart,periodEnd,")
                .contains(",netRemovals,deductionRate,verifiedCredits,bufferCredits,vintages,flags,");
        assertThat(lines[1]).startsWith(id + "," + project.projectId() + "," + project.ownerId() + ",")
                .contains(",SUBMITTED,FOREST_STOCK_DIFFERENCE,2021-01-01,2025-12-31,2025,1,")
                .contains(",7150.4684,", ",7150,716,2021:1429:143 2022:1429:143 2023:1429:143 2024:1433:144 2025:1430:143,")
                .doesNotContain("Vintage[", "Flag[");
        assertThat(csv("/reports?projectId=" + UUID.randomUUID()).body()).isEqualTo(lines[0] + "\r\n");

        api().as(project.ownerId()).post("/reports/" + id + "/disclosure", Map.of()).expect(200);
        api().as(verifier, "VERIFIER").post("/reports/" + id + "/verification", Map.of()).expect(200);
        afterDisclosure();
        JsonNode approved = api().as(verifier, "VERIFIER").post("/reports/" + id + "/decision",
                Map.of("decision", "APPROVE", "comment", "42 sample plots re-measured")).expect(200);

        assertThat(approved.get("status").asString()).isEqualTo("VERIFIED");
        assertThat(approved.get("decision").get("decidedBy").asString()).isEqualTo(verifier.toString());
        assertThat(approved.get("decision").get("decidedAt").isNull()).isFalse();
        List<String> history = new ArrayList<>();
        approved.get("history").forEach(t -> history.add(t.get("to").asString() + " by " + t.get("role").asString()));
        assertThat(history).containsExactly("SUBMITTED by PROJECT_OWNER", "DISCLOSED by PROJECT_OWNER",
                "UNDER_VERIFICATION by VERIFIER", "VERIFIED by VERIFIER");
        List<MonitoringReportVerified> announced = TestEvents.await(Topics.VERIFICATION_REPORTS,
                MonitoringReportVerified.class, e -> e.reportId().toString().equals(id), PATIENCE);
        assertThat(announced).singleElement().satisfies(event -> {
            assertThat(event.projectId()).isEqualTo(project.projectId());
            assertThat(event.ownerId()).isEqualTo(project.ownerId());
            assertThat(event.verifierId()).isEqualTo(verifier);
            assertThat(event.periodStart()).hasToString("2021-01-01");
            assertThat(event.periodEnd()).hasToString("2025-12-31");
            assertThat(event.vintage()).isEqualTo(2025);
            assertThat(event.netRemovals()).isEqualByComparingTo("7150.4684");
            assertThat(event.verifiedCredits()).isEqualTo(7150);
            assertThat(event.bufferCredits()).isEqualTo(716);
            assertThat(event.vintages()).extracting(MonitoringReportVerified.VintageCredits::vintage)
                    .containsExactly(2021, 2022, 2023, 2024, 2025);
            assertThat(event.vintages().stream().mapToLong(MonitoringReportVerified.VintageCredits::credits).sum())
                    .isEqualTo(7150);
            assertThat(event.vintages().stream().mapToLong(MonitoringReportVerified.VintageCredits::bufferCredits).sum())
                    .isEqualTo(716);
            assertThat(event.provenanceHash()).isEqualTo(created.get("provenanceHash").asString());
            assertThat(event.eventId()).isNotNull();
            assertThat(event.occurredAt()).isNotNull();
        });
    }

    @Test
    void deductsForUncertaintyAndRoundsTheBufferUpPerVintage() {
        ProjectRegistered project = registered(projectRegistered());

        JsonNode created = api().as(project.ownerId()).post("/reports", report(project, verifier(),
                "2021-01-01", "2025-12-31", "15", stratum("CHINESE_FIR", "100", "20", "80"))).expect(201);

        assertThat(created.get("deductionRate").decimalValue()).isEqualByComparingTo("0.06");
        assertThat(created.get("verifiedCredits").asLong()).isEqualTo(6721);
        assertThat(vintageCredits(created)).containsExactly(1343L, 1343L, 1343L, 1347L, 1345L);
        assertThat(created.get("bufferCredits").asLong()).isEqualTo(675);
    }

    /**
     * A province with its own row for a species is computed with it: here Chinese fir with the IPCC
     * default CF 0.47 (docs/domain.md: 6,462.92 tCO2e instead of 7,150.4684), loaded as data for a
     * province no other test uses.
     */
    @Test
    void usesTheProvincesOwnSpeciesParametersWhereTheTableHasThem() {
        String province = "Province-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                insert into species_region_parameters (code, province, wood_density, expansion_factor,
                    root_shoot_ratio, carbon_fraction, source)
                values ('CHINESE_FIR', :province, 0.307, 1.634, 0.246, 0.47, 'provincial test table, CF = IPCC default')
                """).param("province", province).update();
        ProjectRegistered template = projectRegistered();
        ProjectRegistered project = registered(new ProjectRegistered(template.eventId(), template.occurredAt(),
                template.projectId(), template.projectCode(), template.name(), template.ownerId(),
                template.methodologyCode(), template.ecosystemType(), province, template.areaHectares(),
                template.bufferRate(), template.validatorId(), template.methodologyVersion(),
                template.calculationMethod(), template.creditingPeriodStart(), template.creditingPeriodEnd()));

        JsonNode created = api().as(project.ownerId()).post("/reports", report(project, verifier(), "2021-01-01",
                "2025-12-31", "5", stratum("CHINESE_FIR", "100", "20", "80"))).expect(201);

        assertThat(created.get("netRemovals").decimalValue().setScale(2, java.math.RoundingMode.HALF_EVEN))
                .isEqualByComparingTo("6462.92");
        assertThat(created.get("verifiedCredits").asLong()).isEqualTo(6462);
        String id = created.get("id").asString();
        assertThat(api().get("/reports/" + id + "/versions/1").expect(200).get("provenance").asString())
                .contains(province + ": provincial test table");
        assertThat(api().get("/reports/" + id + "/recomputation").expect(200).get("matches").asBoolean()).isTrue();
    }

    @Test
    void aRedeliveredProjectRegisteredChangesNothing() {
        ProjectRegistered project = registered(projectRegistered());
        String before = api().get("/projects/" + project.projectId()).expect(200).toString();

        // the same event id again, once as it was and once with another area: both are skipped
        TestEvents.send(Topics.REGISTRY_PROJECTS, project.projectId().toString(), project);
        TestEvents.send(Topics.REGISTRY_PROJECTS, project.projectId().toString(), new ProjectRegistered(
                project.eventId(), project.occurredAt(), project.projectId(), project.projectCode(), project.name(),
                project.ownerId(), project.methodologyCode(), project.ecosystemType(), project.province(),
                new BigDecimal("5000.00"), project.bufferRate(), project.validatorId()));
        // a marker on the same key, so once it shows the copies before it were consumed
        ProjectRegistered marker = projectRegistered();
        TestEvents.send(Topics.REGISTRY_PROJECTS, project.projectId().toString(), marker);
        await().atMost(PATIENCE).until(() -> api().get("/projects/" + marker.projectId()).status() == 200);

        assertThat(api().get("/projects/" + project.projectId()).expect(200).toString()).isEqualTo(before);
        assertThat(api().get("/projects/" + project.projectId()).expect(200).get("areaHectares").decimalValue())
                .isEqualByComparingTo("100");
    }

    @Test
    void refusesInvalidFieldsNamingThemAndSavesNothing() {
        ProjectRegistered project = registered(projectRegistered());
        Map<String, Object> body = report(project, UUID.randomUUID(), "2021-01-01", "2025-12-31", "150");
        body.remove("periodStart");

        Response missing = api().as(project.ownerId()).post("/reports", body);

        assertThat(missing.expect(400).get("type").asString()).isEqualTo("urn:carbonsink:problem:validation");
        assertThat(fields(missing)).contains("periodStart", "relativeUncertaintyPercent");

        Response none = api().as(project.ownerId()).post("/reports", report(project, verifier(), "2021-01-01",
                "2025-12-31", "5"));
        assertThat(none.expect(422).get("type").asString()).isEqualTo("urn:carbonsink:problem:no-strata");
        assertThat(rules(none)).containsExactly("strata:at-least-one-stratum");

        Map<String, Object> both = report(project, verifier(), "2021-01-01", "2025-12-31", "5",
                stratum("CHINESE_FIR", "100", "20", "80"));
        both.put("strata", List.of(Map.of("species", "CHINESE_FIR", "areaHectares", 10, "volumeStartPerHectare", 1,
                "volumeEndPerHectare", 2, "plots", List.of())));
        Response bothKinds = api().as(project.ownerId()).post("/reports", both);
        assertThat(bothKinds.status()).isEqualTo(400);
        assertThat(fields(bothKinds)).containsExactly("strata[0].measured");

        Response negative = api().as(project.ownerId()).post("/reports", report(project, UUID.randomUUID(),
                "2021-01-01", "2025-12-31", "5", stratum("CHINESE_FIR", "0", "-1", "80")));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(fields(negative)).contains("strata[0].areaHectares", "strata[0].volumeStartPerHectare");

        Response tooEarly = api().as(project.ownerId()).post("/reports", report(project, UUID.randomUUID(),
                "2020-09-22", "2099-01-01", "5", stratum("CHINESE_FIR", "100", "20", "80")));
        assertThat(tooEarly.status()).isEqualTo(400);
        assertThat(rules(tooEarly)).contains("periodStart:after-2020-09-22", "periodEnd:not-in-future",
                "periodStart:within-5-years-before-submission");

        // five years before 2026-01-01 is 2021-01-01: a day earlier is too old
        CLOCK.advance(java.time.Duration.ofDays(1));
        Response tooOld = api().as(project.ownerId()).post("/reports", report(project, verifier(),
                "2021-01-01", "2025-12-31", "5", stratum("CHINESE_FIR", "100", "20", "80")));
        assertThat(rules(tooOld)).containsExactly("periodStart:within-5-years-before-submission");

        Response backwards = api().as(project.ownerId()).post("/reports", report(project, UUID.randomUUID(),
                "2023-01-01", "2022-12-31", "5", stratum("CHINESE_FIR", "100", "20", "80")));
        assertThat(rules(backwards)).contains("periodEnd:after-period-start");

        assertThat(reportsOf(project)).isZero();
    }

    @Test
    void onlyTheOwnerOfARegisteredProjectSubmits() {
        ProjectRegistered project = registered(projectRegistered());
        Map<String, Object> body = report(project, UUID.randomUUID(), "2021-01-01", "2025-12-31", "5",
                stratum("CHINESE_FIR", "100", "20", "80"));

        assertThat(api().as(UUID.randomUUID()).post("/reports", body).expect(403).get("type").asString())
                .isEqualTo("urn:carbonsink:problem:forbidden");
        assertThat(api().post("/reports", body).status()).isEqualTo(401);

        body.put("projectId", UUID.randomUUID().toString());
        JsonNode unknown = api().as(project.ownerId()).post("/reports", body).expect(404);
        assertThat(unknown.get("type").asString()).isEqualTo("urn:carbonsink:problem:project-not-registered");
        assertThat(unknown.get("detail").asString()).contains("not registered");
        assertThat(reportsOf(project)).isZero();
    }

    @Test
    void theProjectsValidatorMayNotVerifyItsReports() {
        ProjectRegistered project = registered(projectRegistered());

        Response refused = api().as(project.ownerId()).post("/reports", report(project, project.validatorId(),
                "2021-01-01", "2025-12-31", "5", stratum("CHINESE_FIR", "100", "20", "80")));

        assertThat(refused.expect(422).get("type").asString())
                .isEqualTo("urn:carbonsink:problem:verifier-validated-project");
        assertThat(fields(refused)).containsExactly("verifierId");
        assertThat(reportsOf(project)).isZero();
    }

    @Test
    void refusesClaimsTheProjectAndTheParametersDoNotSupport() {
        ProjectRegistered project = registered(projectRegistered());
        UUID verifier = verifier();
        var owner = api().as(project.ownerId());

        Response uncertain = owner.post("/reports", report(project, verifier, "2021-01-01", "2025-12-31", "30.01",
                stratum("CHINESE_FIR", "100", "20", "80")));
        assertThat(uncertain.expect(422).get("type").asString())
                .isEqualTo("urn:carbonsink:problem:uncertainty-too-high");
        assertThat(uncertain.json().get("detail").asString()).contains("more sample plots");
        assertThat(fields(uncertain)).containsExactly("relativeUncertaintyPercent");

        Response oak = owner.post("/reports", report(project, verifier, "2021-01-01", "2025-12-31", "5",
                stratum("POPLAR", "50", "20", "80"), stratum("OAK", "10", "20", "80")));
        assertThat(oak.expect(422).get("type").asString()).isEqualTo("urn:carbonsink:problem:unknown-parameter");
        assertThat(fields(oak)).containsExactly("strata[1].species");

        Response tooLarge = owner.post("/reports", report(project, verifier, "2021-01-01", "2025-12-31", "5",
                stratum("POPLAR", "60", "20", "80"), stratum("EUCALYPTUS", "40.0001", "20", "80")));
        assertThat(tooLarge.expect(422).get("type").asString())
                .isEqualTo("urn:carbonsink:problem:strata-exceed-project-area");
        assertThat(fields(tooLarge)).containsExactly("strata");

        assertThat(reportsOf(project)).isZero();
    }

    @Test
    void periodsOfLiveReportsDoNotOverlapButARejectedOneFreesItsPeriod() {
        ProjectRegistered project = registered(projectRegistered());
        UUID verifier = verifier();
        var owner = api().as(project.ownerId());
        String first = owner.post("/reports", report(project, verifier, "2021-03-01", "2022-12-31", "5",
                stratum("CHINESE_FIR", "100", "20", "40"))).expect(201).get("id").asString();

        Response overlapping = owner.post("/reports", report(project, verifier, "2022-12-31", "2024-12-31", "5",
                stratum("CHINESE_FIR", "100", "40", "60")));
        assertThat(overlapping.expect(409).get("type").asString())
                .isEqualTo("urn:carbonsink:problem:overlapping-period");
        assertThat(overlapping.json().get("overlappingReportId").asString()).isEqualTo(first);
        owner.post("/reports", report(project, verifier, "2023-01-01", "2024-12-31", "5",
                stratum("CHINESE_FIR", "100", "40", "60"))).expect(201);

        api().as(project.ownerId()).post("/reports/" + first + "/disclosure", Map.of()).expect(200);
        api().as(verifier, "VERIFIER").post("/reports/" + first + "/verification", Map.of()).expect(200);
        afterDisclosure();
        api().as(verifier, "VERIFIER").post("/reports/" + first + "/decision",
                Map.of("decision", "REJECT", "comment", "plot 7 measured twice")).expect(200);
        owner.post("/reports", report(project, verifier, "2021-03-01", "2022-12-31", "5",
                stratum("CHINESE_FIR", "100", "20", "38"))).expect(201);
    }

    /**
     * Stock difference credits C(t2) − C(t1) per period: a period starting below the stock the one before it
     * ended with would credit the same growth twice, and so would one ending above what the next starts with.
     */
    @Test
    void aPeriodStartsWithTheStockThePeriodBeforeItEndedWith() {
        ProjectRegistered project = registered(projectRegistered());
        UUID verifier = verifier();
        var owner = api().as(project.ownerId());
        String first = owner.post("/reports", report(project, verifier, "2021-01-01", "2022-12-31", "5",
                stratum("CHINESE_FIR", "100", "20", "40"))).expect(201).get("id").asString();

        // 2021-2022's growth from 20 to 40 m³/ha claimed again
        Response again = owner.post("/reports", report(project, verifier, "2023-01-01", "2024-12-31", "5",
                stratum("CHINESE_FIR", "100", "20", "60")));
        assertThat(again.expect(422).get("type").asString()).isEqualTo("urn:carbonsink:problem:stock-continuity");
        assertThat(rules(again)).containsExactly("strata:continues-neighbouring-report");
        assertThat(again.json().get("neighbouringReportId").asString()).isEqualTo(first);
        assertThat(again.json().get("detail").asString()).contains("2000 m³", "4000 m³");
        assertThat(reportsOf(project)).isEqualTo(1);
        // the same 4,000 m³ in two strata continues it; a fall after it is a loss, reported as such
        owner.post("/reports", report(project, verifier, "2023-01-01", "2024-12-31", "5",
                stratum("CHINESE_FIR", "50", "40", "60"), stratum("MASSON_PINE", "50", "40", "60"))).expect(201);
        owner.post("/reports", report(project, verifier, "2025-01-01", "2025-06-30", "5",
                stratum("CHINESE_FIR", "100", "60", "59"))).expect(201);

        // from the other side: an earlier period ending above what the later one starts with
        ProjectRegistered other = registered(projectRegistered());
        var otherOwner = api().as(other.ownerId());
        String later = otherOwner.post("/reports", report(other, verifier, "2023-01-01", "2024-12-31", "5",
                stratum("CHINESE_FIR", "100", "40", "60"))).expect(201).get("id").asString();
        Response overlappingGrowth = otherOwner.post("/reports", report(other, verifier, "2021-01-01", "2022-12-31",
                "5", stratum("CHINESE_FIR", "100", "20", "45")));
        assertThat(overlappingGrowth.expect(422).get("neighbouringReportId").asString()).isEqualTo(later);
        // growth in a gap between periods is credited to no one: conservative, so accepted
        otherOwner.post("/reports", report(other, verifier, "2021-01-01", "2022-06-30", "5",
                stratum("CHINESE_FIR", "100", "20", "35"))).expect(201);
    }

    @Test
    void onlyTheNamedVerifierDecidesAndOnlyOnce() {
        ProjectRegistered project = registered(projectRegistered());
        UUID verifier = verifier();
        String id = underVerification(project, verifier, report(project, verifier, "2021-01-01",
                "2025-12-31", "5", stratum("MASSON_PINE", "80", "20", "80")));
        afterDisclosure();

        assertThat(api().as(project.ownerId()).post("/reports/" + id + "/decision", Map.of("decision", "APPROVE"))
                .expect(403).get("type").asString()).isEqualTo("urn:carbonsink:problem:forbidden");
        assertThat(api().as(UUID.randomUUID(), "VERIFIER").post("/reports/" + id + "/decision", Map.of("decision", "APPROVE"))
                .status()).isEqualTo(403);
        assertThat(api().get("/reports/" + id).expect(200).get("status").asString()).isEqualTo("UNDER_VERIFICATION");

        Response noReason = api().as(verifier, "VERIFIER").post("/reports/" + id + "/decision", Map.of("decision", "REJECT"));
        assertThat(rules(noReason)).containsExactly("comment:required-to-reject");

        JsonNode rejected = api().as(verifier, "VERIFIER").post("/reports/" + id + "/decision",
                Map.of("decision", "REJECT", "comment", "volumes do not match the plot sheets")).expect(200);
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("decision").get("comment").asString()).isEqualTo("volumes do not match the plot sheets");

        assertThat(api().as(verifier, "VERIFIER").post("/reports/" + id + "/decision", Map.of("decision", "APPROVE"))
                .expect(409).get("type").asString()).isEqualTo("urn:carbonsink:problem:already-decided");
        assertThat(api().get("/reports/" + id).expect(200).get("status").asString()).isEqualTo("REJECTED");
        // a rejected report is not announced
        assertThat(jdbc.sql("select count(*) from outbox_event where payload like :id").param("id", "%" + id + "%")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aReportWhoseStockFellIsVerifiedWithItsLossForTheRegistryToReverse() {
        ProjectRegistered project = registered(projectRegistered());
        UUID verifier = verifier();
        // 100 ha of Chinese fir losing 1 m³/ha: −119.1745 tCO2e, a loss of 120 (rounded up)
        String id = underVerification(project, verifier, report(project, verifier, "2021-01-01",
                "2025-12-31", "5", stratum("CHINESE_FIR", "100", "80", "79")));
        JsonNode submitted = api().get("/reports/" + id).expect(200);
        assertThat(submitted.get("netRemovals").decimalValue()).isEqualByComparingTo("-119.1745");
        assertThat(submitted.get("verifiedCredits").asLong()).isZero();
        assertThat(submitted.get("lossCredits").asLong()).isEqualTo(120);
        assertThat(submitted.get("reversalId").isNull()).isTrue();
        afterDisclosure();

        JsonNode verified = api().as(verifier, "VERIFIER").post("/reports/" + id + "/decision",
                Map.of("decision", "APPROVE")).expect(200);

        assertThat(verified.get("status").asString()).isEqualTo("VERIFIED");
        assertThat(verified.get("verifiedCredits").asLong()).isZero();
        assertThat(verified.get("vintages").findValues("credits")).allSatisfy(c -> assertThat(c.asLong()).isZero());
        assertThat(TestEvents.await(Topics.VERIFICATION_REPORTS, MonitoringReportVerified.class,
                e -> e.reportId().toString().equals(id), PATIENCE)).singleElement().satisfies(e -> {
                    assertThat(e.lossCredits()).isEqualTo(120);
                    assertThat(e.verifiedCredits()).isZero();
                    assertThat(e.bufferCredits()).isZero();
                    assertThat(e.vintages()).isEmpty();
                    assertThat(e.periodEnd()).hasToString("2025-12-31");
                });
        assertThat(api().get("/reports/" + id + "/calculation-report").body()).contains("Loss (reversal)")
                .contains("120");

        // the registry's answer names the report: the report names the reversal (a redelivery changes nothing)
        UUID reversal = UUID.randomUUID();
        ReversalRecorded recorded = new ReversalRecorded(UUID.randomUUID(), java.time.Instant.now(), reversal,
                project.projectId(), java.time.LocalDate.parse("2025-12-31"), "MONITORED_LOSS: monitoring report " + id,
                120, 120, 0, UUID.fromString(id));
        TestEvents.send(Topics.REGISTRY_CREDITS, project.projectId().toString(), recorded);
        TestEvents.send(Topics.REGISTRY_CREDITS, project.projectId().toString(), recorded);
        await().atMost(PATIENCE).until(() -> !api().get("/reports/" + id).expect(200).get("reversalId").isNull());
        JsonNode reversed = api().get("/reports/" + id).expect(200);
        assertThat(reversed.get("reversalId").asString()).isEqualTo(reversal.toString());
        assertThat(reversed.get("reversalUrl").asString()).isEqualTo("/api/registry/reversals/" + reversal);
        assertThat(reversed.get("status").asString()).isEqualTo("VERIFIED");
    }

    @Test
    void aReportWithNeitherCreditsNorALossCannotBeApproved() {
        ProjectRegistered project = registered(projectRegistered());
        UUID verifier = verifier();
        String id = underVerification(project, verifier, report(project, verifier, "2021-01-01",
                "2025-12-31", "5", stratum("POPLAR", "10", "50", "50")));
        JsonNode still = api().get("/reports/" + id).expect(200);
        assertThat(still.get("netRemovals").decimalValue()).isZero();
        assertThat(still.get("lossCredits").asLong()).isZero();
        afterDisclosure();

        Response approve = api().as(verifier, "VERIFIER").post("/reports/" + id + "/decision",
                Map.of("decision", "APPROVE"));

        assertThat(approve.expect(422).get("type").asString()).isEqualTo("urn:carbonsink:problem:no-credits");
    }

    @Test
    void theDatabaseRefusesOverlapsAndSecondDecisionsOnItsOwn() {
        ProjectRegistered project = registered(projectRegistered());
        UUID verifier = verifier();
        String id = verified(project, verifier, report(project, verifier, "2021-01-01", "2025-12-31", "5",
                stratum("CHINESE_FIR", "100", "20", "80"))).get("id").asString();

        // the same rows the service writes, bypassing its checks
        assertThatThrownBy(() -> jdbc.sql("""
                insert into monitoring_report (id, project_id, owner_id, verifier_id, period_start, period_end,
                    calculation_method, status, current_version, submitted_at)
                select gen_random_uuid(), project_id, owner_id, verifier_id, date '2025-06-01', date '2026-01-31',
                    calculation_method, 'SUBMITTED', 1, now()
                from monitoring_report where id = :id
                """).param("id", UUID.fromString(id)).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("periods_do_not_overlap");
        assertThatThrownBy(() -> jdbc.sql("""
                update monitoring_report set status = 'REJECTED', findings = 'changed my mind' where id = :id
                """).param("id", UUID.fromString(id)).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("cannot move from VERIFIED");
        assertThatThrownBy(() -> jdbc.sql("""
                update monitoring_report set period_end = date '2025-12-30' where id = :id
                """).param("id", UUID.fromString(id)).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("already decided");
    }

    private static List<Long> vintageCredits(JsonNode report) {
        List<Long> credits = new ArrayList<>();
        report.get("vintages").forEach(v -> credits.add(v.get("credits").asLong()));
        return credits;
    }

    private long reportsOf(ProjectRegistered project) {
        return api().get("/reports?projectId=" + project.projectId()).expect(200).get("total").asLong();
    }

    private static Map<String, Object> report(ProjectRegistered project, UUID verifier, String start, String end,
            String uncertainty, Map<?, ?>... strata) {
        return volumeReport(project, verifier, start, end, uncertainty, strata);
    }

    private static Map<String, Object> stratum(String species, String area, String start, String end) {
        return stand(species, area, start, end);
    }

    private static List<String> fields(Response response) {
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    private static List<String> rules(Response response) {
        List<String> rules = new ArrayList<>();
        response.json().path("errors").forEach(e -> rules.add(e.get("field").asString() + ":" + e.get("rule").asString()));
        return rules;
    }
}
