package org.carbonsink.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import java.time.Instant;
import java.time.LocalDate;
import org.carbonsink.contracts.CreditsIssued;
import org.carbonsink.contracts.MonitoringReportVerified;
import org.carbonsink.contracts.ProjectStateChanged;
import org.carbonsink.contracts.Topics;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.TestEvents;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/** The lifecycle's refusals, the land register, public comments and the public lists (docs/project-lifecycle.md). */
class ProjectLifecycleIT extends RegistryIT {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final Map<String, Object> REASON = Map.of("reason", "Fire damage under investigation");

    /** Every act through the API, by the participant entitled to it, on project {@code id}. */
    private final Map<String, Function<Subject, ApiClient.Response>> acts = acts();

    record Subject(UUID project, UUID owner, UUID validator) {
    }

    private Map<String, Function<Subject, ApiClient.Response>> acts() {
        Map<String, Function<Subject, ApiClient.Response>> acts = new LinkedHashMap<>();
        acts.put("EDIT_DESIGN", s -> owner(s.owner()).put("/projects/" + s.project(), design(s.validator())));
        acts.put("OPEN_DISCLOSURE", s -> owner(s.owner()).post("/projects/" + s.project() + "/disclosure", null));
        acts.put("COMMENT", s -> anonymous().post("/projects/" + s.project() + "/comments",
                Map.of("body", "Was this land forest before 2021?")));
        acts.put("FILE_VALIDATION_REPORT", s -> api().as(s.validator(), "VERIFIER")
                .post("/projects/" + s.project() + "/validation-report", Map.of("positive", true, "summary", "ok")));
        acts.put("APPLY_FOR_REGISTRATION", s -> owner(s.owner()).post("/projects/" + s.project() + "/application", null));
        acts.put("REGISTER", s -> admin().post("/projects/" + s.project() + "/registration", null));
        acts.put("REJECT", s -> admin().post("/projects/" + s.project() + "/rejection", REASON));
        acts.put("SUSPEND", s -> admin().post("/projects/" + s.project() + "/suspension", REASON));
        acts.put("RESUME", s -> admin().post("/projects/" + s.project() + "/resumption", REASON));
        acts.put("CANCEL", s -> owner(s.owner()).post("/projects/" + s.project() + "/cancellation", REASON));
        acts.put("REVOKE", s -> admin().post("/projects/" + s.project() + "/revocation", REASON));
        return acts;
    }

    /** The acts each state allows (ProjectLifecycle); every other act is refused with 409. */
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "DRAFT", List.of("EDIT_DESIGN", "OPEN_DISCLOSURE", "CANCEL"),
            "PUBLIC_DISCLOSURE", List.of("COMMENT", "CANCEL"),
            "VALIDATION", List.of("FILE_VALIDATION_REPORT", "APPLY_FOR_REGISTRATION", "CANCEL"),
            "REGISTRATION_APPLIED", List.of("REGISTER", "REJECT", "CANCEL"),
            "REGISTERED", List.of("SUSPEND", "CANCEL", "REVOKE"),
            "SUSPENDED", List.of("RESUME", "REVOKE"),
            "REJECTED", List.of(),
            "CANCELLED", List.of(),
            "REVOKED", List.of());

    @TestFactory
    Stream<DynamicTest> refusesEveryActItsStateDoesNotAllowAndChangesNothing() {
        UUID owner = id(registerParticipant("Guangxi Eucalyptus Co.", "PROJECT_OWNER"));
        Map<String, Subject> inState = new LinkedHashMap<>();
        UUID validator = verifier();
        inState.put("DRAFT", new Subject(id(draftedProject(owner, validator)), owner, validator));
        inState.put("CANCELLED", new Subject(id(draftedProject(owner, validator)), owner, validator));
        owner(owner).post("/projects/" + inState.get("CANCELLED").project() + "/cancellation", REASON).expect(200);
        inState.put("VALIDATION", new Subject(inValidation(owner, validator), owner, validator));
        inState.put("REGISTRATION_APPLIED", subject(applied(owner), owner));
        inState.put("REGISTERED", subject(id(registeredProject(owner)), owner));
        Subject rejected = subject(applied(owner), owner);
        admin().post("/projects/" + rejected.project() + "/rejection", REASON).expect(200);
        inState.put("REJECTED", rejected);
        Subject suspended = subject(id(registeredProject(owner)), owner);
        admin().post("/projects/" + suspended.project() + "/suspension", REASON).expect(200);
        inState.put("SUSPENDED", suspended);
        Subject revoked = subject(id(registeredProject(owner)), owner);
        admin().post("/projects/" + revoked.project() + "/revocation", REASON).expect(200);
        inState.put("REVOKED", revoked);
        // last: the helpers above close every open disclosure
        UUID disclosed = id(draftedProject(owner, validator));
        owner(owner).post("/projects/" + disclosed + "/disclosure", null).expect(200);
        inState.put("PUBLIC_DISCLOSURE", new Subject(disclosed, owner, validator));

        List<DynamicTest> tests = new ArrayList<>();
        inState.forEach((state, subject) -> acts.forEach((act, call) -> {
            if (ALLOWED.get(state).contains(act)) {
                return;
            }
            // the validator reports after the window: during it the refusal names the open window
            String type = state.equals("PUBLIC_DISCLOSURE") && act.equals("FILE_VALIDATION_REPORT") ? "disclosure-open"
                    : "project-state-conflict";
            tests.add(dynamicTest(act + " on a " + state + " project -> 409 " + type, () -> {
                String before = api().get("/projects/" + subject.project()).expect(200).toString();
                ApiClient.Response refused = call.apply(subject);

                assertThat(refused.status()).as(refused.body()).isEqualTo(409);
                assertThat(refused.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:" + type);
                if (type.equals("project-state-conflict")) {
                    assertThat(refused.json().get("state").asString()).isEqualTo(state);
                    assertThat(refused.json().get("act").asString()).isEqualTo(act);
                }
                assertThat(api().get("/projects/" + subject.project()).expect(200).toString()).isEqualTo(before);
            }));
        }));
        return tests.stream();
    }

    /**
     * CCER: the design is disclosed with the verifier chosen to validate it. The public reads the project
     * without a token and cannot read participant records, so the project names its validator and its owner.
     */
    @Test
    void theDisclosedDesignNamesItsValidatorAndOwnerToThePublic() {
        UUID owner = id(registerParticipant("Yunnan Highland Forestry Co.", "PROJECT_OWNER"));
        UUID validator = id(registerParticipant("Kunming Carbon Validation Centre", "VERIFIER"));
        UUID project = id(draftedProject(owner, validator));
        owner(owner).post("/projects/" + project + "/disclosure", null).expect(200);

        JsonNode disclosed = api().get("/projects/" + project).expect(200);

        assertThat(disclosed.get("status").asString()).isEqualTo("PUBLIC_DISCLOSURE");
        assertThat(disclosed.get("validatorId").asString()).isEqualTo(validator.toString());
        assertThat(disclosed.get("validatorName").asString()).isEqualTo("Kunming Carbon Validation Centre");
        assertThat(disclosed.get("ownerName").asString()).isEqualTo("Yunnan Highland Forestry Co.");
    }

    @Test
    void suspensionResumptionAndCancellationAreToldWithTheirReason() {
        UUID owner = id(registerParticipant("Hainan Mangrove Trust", "PROJECT_OWNER"));
        UUID project = id(registeredProject(owner));
        String path = "/projects/" + project;

        JsonNode suspended = admin().post(path + "/suspension", Map.of("reason", "Fire on 2026-09-12")).expect(200);
        assertThat(suspended.get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(suspended.get("stateReason").asString()).isEqualTo("Fire on 2026-09-12");
        assertThat(stateChange(project, "SUSPENDED")).satisfies(e -> {
            assertThat(e.issuanceBlocked()).isTrue();
            assertThat(e.reason()).isEqualTo("Fire on 2026-09-12");
        });
        var cancelWhileSuspended = owner(owner).post(path + "/cancellation", REASON);
        assertThat(cancelWhileSuspended.status()).isEqualTo(409);

        admin().post(path + "/resumption", Map.of("reason", "Investigation closed")).expect(200);
        assertThat(stateChange(project, "REGISTERED").issuanceBlocked()).isFalse();

        var byOther = api().as(id(registerParticipant("Someone else", "PROJECT_OWNER")), "PROJECT_OWNER")
                .post(path + "/cancellation", REASON);
        assertThat(byOther.status()).isEqualTo(403);
        JsonNode cancelled = owner(owner).post(path + "/cancellation", Map.of("reason", "Land sold")).expect(200);
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(stateChange(project, "CANCELLED").issuanceBlocked()).isTrue();
    }

    @Test
    void revocationCancelsEveryUnretiredCreditWithTheReasonAndStopsTheProject() {
        UUID owner = id(registerParticipant("Fraudulent Forestry Ltd", "PROJECT_OWNER"));
        UUID project = id(registeredProject(owner));
        UUID reportId = UUID.randomUUID();
        TestEvents.send(Topics.VERIFICATION_REPORTS, project.toString(), new MonitoringReportVerified(UUID.randomUUID(),
                Instant.now(), reportId, project, owner, UUID.randomUUID(), LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 12, 31), 2024, new BigDecimal("1000"), 1000, 100));
        assertThat(TestEvents.await(Topics.REGISTRY_CREDITS, CreditsIssued.class, e -> e.reportId().equals(reportId),
                EVENTUALLY)).isNotEmpty();
        UUID account = UUID.fromString(api().as(owner).get("/participants/" + owner).expect(200).get("accountId")
                .asString());
        owner(owner).post("/accounts/" + account + "/retirements", Map.of("projectId", project, "vintage", 2024,
                "quantity", 50, "beneficiary", "Kunming Metro", "purpose", "VOLUNTARY_OFFSET")).expect(201);

        JsonNode revoked = admin().post("/projects/" + project + "/revocation",
                Map.of("reason", "Plot data fabricated")).expect(200);

        // 900 issued to the owner, 50 of them retired, and the 100 buffer credits: 950 unretired
        assertThat(revoked.get("cancelledCredits").asLong()).isEqualTo(950);
        assertThat(revoked.get("project").get("status").asString()).isEqualTo("REVOKED");
        assertThat(revoked.get("project").get("stateReason").asString()).isEqualTo("Plot data fabricated");
        ProjectStateChanged told = stateChange(project, "REVOKED");
        assertThat(told.issuanceBlocked()).isTrue();
        assertThat(told.reason()).isEqualTo("Plot data fabricated");
        var again = admin().post("/projects/" + project + "/revocation", REASON);
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void theValidatorAloneReportsOnceAndANegativeReportBarsTheApplication() {
        UUID owner = id(registerParticipant("Yunnan Forest Farm", "PROJECT_OWNER"));
        UUID validator = verifier();
        UUID project = inValidation(owner, validator);
        String path = "/projects/" + project;

        var otherVerifier = api().as(verifier(), "VERIFIER").post(path + "/validation-report",
                Map.of("positive", true, "summary", "ok"));
        assertThat(otherVerifier.status()).isEqualTo(403);
        var noReport = owner(owner).post(path + "/application", null);
        assertThat(noReport.status()).isEqualTo(422);
        assertThat(noReport.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:validation-report-missing");

        api().as(validator, "VERIFIER").post(path + "/validation-report",
                Map.of("positive", false, "summary", "Additionality not demonstrated")).expect(201);
        var again = api().as(validator, "VERIFIER").post(path + "/validation-report",
                Map.of("positive", true, "summary", "second thoughts"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:validation-report-filed");
        var negative = owner(owner).post(path + "/application", null);
        assertThat(negative.status()).isEqualTo(422);
        assertThat(negative.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:validation-negative");
        JsonNode seen = api().get(path).expect(200);
        assertThat(seen.get("status").asString()).isEqualTo("VALIDATION");
        assertThat(seen.get("validationReport").get("positive").asBoolean()).isFalse();
    }

    @Test
    void listsOverdueApplicationsForTheAdministrator() {
        UUID owner = id(registerParticipant("Jiangxi Bamboo Co.", "PROJECT_OWNER"));
        UUID project = applied(owner);
        String code = api().get("/projects/" + project).expect(200).get("code").asString();
        assertThat(codes(admin().get("/projects/overdue?limit=500").expect(200))).doesNotContain(code);

        clock.advance(Duration.ofDays(40));

        assertThat(codes(admin().get("/projects/overdue?limit=500").expect(200))).contains(code);
        assertThat(api().get("/projects/" + project).expect(200).get("decisionDue").get("overdue").asBoolean()).isTrue();
        assertThat(owner(owner).get("/projects/overdue").status()).isEqualTo(403);
        assertThat(api().get("/projects/overdue").status()).isEqualTo(401);
    }

    // ---------------------------------------------------------------------------------------------
    // Land

    @Test
    void refusesDisclosureOfLandAPendingOrRegisteredProjectClaimsNamingItAndTheOverlap() {
        UUID owner = id(registerParticipant("Zhejiang Forest Group", "PROJECT_OWNER"));
        UUID validator = verifier();
        JsonNode first = disclose(owner, validator, square(120.0, 30.0, 0.01));

        UUID halfOver = draft(owner, validator, square(120.005, 30.0, 0.01));
        var refused = owner(owner).post("/projects/" + halfOver + "/disclosure", null);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:land-already-claimed");
        assertThat(refused.json().get("otherProjectCode").asString()).isEqualTo(first.get("code").asString());
        // half of a 0.01-degree square at 30°N: 0.005° x 0.01° ~ 482 m x 1109 m ~ 53.5 ha
        assertThat(refused.json().get("overlapHectares").decimalValue()).isBetween(new BigDecimal("53"),
                new BigDecimal("54"));
        assertThat(refused.json().get("detail").asString()).contains(first.get("code").asString(), " ha");
        assertThat(api().get("/projects/" + halfOver).expect(200).get("status").asString()).isEqualTo("DRAFT");

        // sharing an edge is not sharing land
        disclose(owner, validator, square(120.01, 30.0, 0.01));
        // an overlap of about 53 m² is within the 0.01 ha tolerance
        disclose(owner, validator, square(120.0 - 0.01 + 0.0000005, 30.0, 0.01));
        // a MultiPolygon one of whose parts overlaps
        Map<String, Object> multi = Map.of("type", "MultiPolygon", "coordinates", List.of(
                square(121.0, 31.0, 0.01).get("coordinates"), square(120.0, 30.005, 0.01).get("coordinates")));
        UUID overlapsByOnePart = draft(owner, validator, multi);
        assertThat(owner(owner).post("/projects/" + overlapsByOnePart + "/disclosure", null).status()).isEqualTo(422);

        // a draft claims no land yet: a second draft on the same land may still be disclosed
        UUID draftOnly = draft(owner, validator, square(122.0, 32.0, 0.01));
        UUID sameLand = draft(owner, validator, square(122.0, 32.0, 0.01));
        owner(owner).post("/projects/" + sameLand + "/disclosure", null).expect(200);
        assertThat(owner(owner).post("/projects/" + draftOnly + "/disclosure", null).status()).isEqualTo(422);
        // once cancelled, the land is free again
        owner(owner).post("/projects/" + sameLand + "/cancellation", REASON).expect(200);
        owner(owner).post("/projects/" + draftOnly + "/disclosure", null).expect(200);
    }

    @Test
    void refusesInvalidBoundariesWithAClearMessage() {
        UUID owner = id(registerParticipant("Qinghai Wetland Co.", "PROJECT_OWNER"));
        UUID validator = verifier();
        List<Object> bowtie = List.of(List.of(List.of(110, 30), List.of(110.01, 30.01), List.of(110.01, 30),
                List.of(110, 30.01), List.of(110, 30)));
        List<Object> unclosed = List.of(List.of(List.of(110, 30), List.of(110.01, 30), List.of(110.01, 30.01),
                List.of(110, 30.01)));
        List<Object> outOfRange = List.of(List.of(List.of(110, 89.99), List.of(110.01, 89.99), List.of(110.01, 95),
                List.of(110, 89.99)));

        assertInvalidBoundary(owner, validator, Map.of("type", "Polygon", "coordinates", bowtie), "valid-geometry",
                "Self-intersection");
        assertInvalidBoundary(owner, validator, Map.of("type", "Polygon", "coordinates", unclosed), "closed-ring",
                "not closed");
        assertInvalidBoundary(owner, validator, Map.of("type", "LineString", "coordinates", List.of(List.of(110, 30),
                List.of(111, 30))), "geojson-type", "Polygon or MultiPolygon");
        assertInvalidBoundary(owner, validator, Map.of("type", "Polygon", "coordinates", outOfRange),
                "coordinate-range", "latitude in [-90, 90]");
        assertThat(api().get("/projects?ownerId=" + owner).expect(200).get("items")).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------
    // The public

    @Test
    void anyoneCommentsDuringDisclosureWithinTheLimits() {
        UUID owner = id(registerParticipant("Shandong Coastal Wetland Co.", "PROJECT_OWNER"));
        JsonNode disclosed = disclose(owner, verifier(), freshParcel());
        String comments = "/projects/" + disclosed.get("id").asString() + "/comments";
        ApiClient sameAddress = api().withHeader("X-Forwarded-For", "203.0.113.7");

        JsonNode first = sameAddress.post(comments, Map.of("author", "Li Wei", "body", "The county map shows farmland."))
                .expect(201);
        assertThat(first.get("author").asString()).isEqualTo("Li Wei");
        for (int i = 2; i <= 5; i++) {
            sameAddress.post(comments, Map.of("body", "Comment " + i)).expect(201);
        }
        var sixth = sameAddress.post(comments, Map.of("body", "Comment 6"));
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:comment-rate-limit");
        anonymous().post(comments, Map.of("body", "From elsewhere")).expect(201);

        var tooLong = anonymous().post(comments, Map.of("body", "x".repeat(4001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("body");
        assertThat(anonymous().post(comments, Map.of("body", " ")).status()).isEqualTo(400);

        JsonNode page = api().get(comments + "?limit=4").expect(200);
        assertThat(page.get("items")).hasSize(4);
        assertThat(page.get("items").get(0).get("body").asString()).isEqualTo("The county map shows farmland.");
        JsonNode rest = api().get(comments + "?limit=4&after=" + page.get("next").asString()).expect(200);
        assertThat(rest.get("items")).hasSize(2);
        assertThat(rest.get("next").isNull()).isTrue();
        assertThat(rest.toString()).doesNotContain("203.0.113.7");

        clock.advance(PAST_ANY_DISCLOSURE);
        var late = anonymous().post(comments, Map.of("body", "Too late?"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:disclosure-closed");
        assertThat(anonymous().post("/projects/" + UUID.randomUUID() + "/comments", Map.of("body", "hello")).status())
                .isEqualTo(404);
    }

    @Test
    void listsProjectsByEcosystemProvinceAndMethodology() {
        UUID owner = id(registerParticipant("Qinghai Wetland Trust", "PROJECT_OWNER"));
        UUID validator = verifier();
        String forest = draftedProject(owner, validator).get("code").asString();
        Map<String, Object> wetland = new HashMap<>(design(validator));
        wetland.putAll(Map.of("methodologyCode", "PILOT-WETLAND-V01", "ecosystemType", "WETLAND",
                "province", "Qinghai", "creditingPeriodEnd", "2041-02-28"));
        String lake = owner(owner).post("/projects", wetland).expect(201).get("code").asString();

        assertThat(codes(api().get("/projects?ownerId=" + owner + "&ecosystemType=WETLAND").expect(200)))
                .containsExactly(lake);
        assertThat(codes(api().get("/projects?ownerId=" + owner + "&province=Guizhou").expect(200)))
                .containsExactly(forest);
        assertThat(codes(api().get("/projects?ownerId=" + owner + "&methodologyCode=CCER-14-001-V01").expect(200)))
                .containsExactly(forest);
        assertThat(codes(api().get("/projects?ownerId=" + owner + "&ecosystemType=WETLAND&province=Guizhou")
                .expect(200))).isEmpty();
        var unknown = api().get("/projects?ecosystemType=DESERT");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("ecosystemType");
    }

    @Test
    void publishesProjectsWithoutATokenPagedByKeyAndAsCsv() throws Exception {
        UUID owner = id(registerParticipant("Hubei Lakeside Forest, \"Ltd\"", "PROJECT_OWNER"));
        UUID validator = verifier();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            codes.add(draftedProject(owner, validator).get("code").asString());
        }

        JsonNode first = api().get("/projects?limit=2&ownerId=" + owner).expect(200);
        assertThat(codes(first)).containsExactly(codes.get(0), codes.get(1));
        assertThat(first.get("next").asString()).isEqualTo(codes.get(1));
        JsonNode second = api().get("/projects?limit=2&ownerId=" + owner + "&after=" + first.get("next").asString())
                .expect(200);
        assertThat(codes(second)).containsExactly(codes.get(2));
        assertThat(second.get("next").isNull()).isTrue();
        assertThat(api().get("/projects?after=DROP%20TABLE").status()).isEqualTo(400);
        assertThat(api().get("/projects?limit=501").status()).isEqualTo(400);

        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/projects?limit=2&ownerId=" + owner))
                .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("X-Next-Cursor")).contains(codes.get(1));
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("id,code,name,ownerId,methodologyCode,ecosystemType,province,county");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).contains("," + codes.get(0) + ",Qiandongnan fir afforestation,", ",DRAFT,");

        JsonNode boundary = api().get("/projects/" + api().get("/projects?limit=1&ownerId=" + owner).expect(200)
                .get("items").get(0).get("id").asString() + "/boundary").expect(200);
        assertThat(boundary.get("type").asString()).isEqualTo("Polygon");
        assertThat(boundary.get("coordinates").get(0)).hasSize(5);
    }

    // ---------------------------------------------------------------------------------------------

    private Subject subject(UUID project, UUID owner) {
        return new Subject(project, owner,
                UUID.fromString(api().get("/projects/" + project).expect(200).get("validatorId").asString()));
    }

    /** No token, from an address of its own, so the per-address comment limit is not reached. */
    private ApiClient anonymous() {
        int n = ADDRESSES.incrementAndGet();
        return api().withHeader("X-Forwarded-For", "198.51." + (n / 250) + "." + (n % 250 + 1));
    }

    private UUID draft(UUID owner, UUID validator, Map<String, Object> boundary) {
        Map<String, Object> design = design(validator);
        design.put("boundary", boundary);
        return id(owner(owner).post("/projects", design).expect(201));
    }

    private JsonNode disclose(UUID owner, UUID validator, Map<String, Object> boundary) {
        return owner(owner).post("/projects/" + draft(owner, validator, boundary) + "/disclosure", null).expect(200);
    }

    private void assertInvalidBoundary(UUID owner, UUID validator, Map<String, Object> boundary, String rule,
            String message) {
        Map<String, Object> design = design(validator);
        design.put("boundary", boundary);
        var refused = owner(owner).post("/projects", design);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        JsonNode error = refused.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("boundary");
        assertThat(error.get("rule").asString()).isEqualTo(rule);
        assertThat(error.get("message").asString()).contains(message);
    }

    private ProjectStateChanged stateChange(UUID project, String state) {
        List<ProjectStateChanged> events = TestEvents.await(Topics.REGISTRY_PROJECTS, ProjectStateChanged.class,
                e -> e.projectId().equals(project) && e.state().equals(state), EVENTUALLY);
        assertThat(events).as("ProjectStateChanged to " + state).isNotEmpty();
        return events.get(0);
    }

    private static List<String> codes(JsonNode page) {
        List<String> codes = new ArrayList<>();
        page.get("items").forEach(item -> codes.add(item.get("code").asString()));
        return codes;
    }
}
