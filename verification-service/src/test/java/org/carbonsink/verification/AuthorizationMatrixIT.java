package org.carbonsink.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.carbonsink.contracts.MonitoringReportVerified;
import org.carbonsink.contracts.ProjectRegistered;
import org.carbonsink.contracts.Topics;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.ApiClient.Response;
import org.carbonsink.testsupport.TestEvents;
import org.carbonsink.testsupport.TestTokens;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Who may call what (docs/identity.md), endpoint by endpoint, as a table of rows
 * {caller, request, expected status, expected problem type}. One registered project and one
 * submitted report are set up once; the rows run in table order against them.
 *
 * <p>Every refused row (4xx) must change nothing visible: the project's reports as disclosed (so no
 * new report and no status change) and the project's outbox, which is the only way an event
 * reaches Kafka, are compared before and after the call.
 *
 * <p>Bad tokens carry the identity and roles of the request's rightful caller, so nothing but the
 * token itself is wrong.
 */
class AuthorizationMatrixIT extends ServiceIntegration {

    /** The registry administrator participant (docs/identity.md). */
    static final UUID REGISTRY_ADMINISTRATOR = UUID.fromString("00000000-0000-0000-0000-00000000a001");

    static final String VERIFIER = "VERIFIER";
    static final String PROJECT_OWNER = "PROJECT_OWNER";

    /** The callers of the matrix. */
    enum Who {
        OWNER("project owner"),
        ANOTHER_PARTICIPANT("another participant"),
        ASSIGNED_VERIFIER("report's verifier"),
        ANOTHER_VERIFIER("another verifier"),
        VALIDATOR("project's validator"),
        ADMINISTRATOR("registry administrator"),
        ASSIGNED_VERIFIER_WITHOUT_ROLE("report's verifier without role VERIFIER"),
        NO_TOKEN("no token"),
        EXPIRED("expired token"),
        OTHER_AUDIENCE("token for another audience"),
        OTHER_ISSUER("token from another issuer"),
        OTHER_KEY("token signed by another key"),
        TAMPERED("tampered token");

        static final List<Who> VALID = List.of(OWNER, ANOTHER_PARTICIPANT, ASSIGNED_VERIFIER, ANOTHER_VERIFIER,
                VALIDATOR, ADMINISTRATOR);
        static final List<Who> INVALID_TOKEN = List.of(EXPIRED, OTHER_AUDIENCE, OTHER_ISSUER, OTHER_KEY, TAMPERED);
        static final List<Who> UNAUTHENTICATED = Stream.concat(Stream.of(NO_TOKEN), INVALID_TOKEN.stream()).toList();

        final String label;

        Who(String label) {
            this.label = label;
        }
    }

    /** The world the rows run in: set up once. */
    private ProjectRegistered project;
    private UUID assignedVerifier;
    private UUID anotherParticipant;
    private UUID anotherVerifier;
    private String reportId;
    /** A second report, left SUBMITTED by the set-up: disclosed, taken up and resubmitted by the rows. */
    private String secondId;

    @TestFactory
    Stream<DynamicTest> everyCallerOnEveryEndpoint() {
        project = registered(projectRegistered());
        assignedVerifier = verifier();
        anotherParticipant = UUID.randomUUID();
        anotherVerifier = verifier();
        reportId = underVerification(project, assignedVerifier, report("2021-01-01", "2022-12-31", assignedVerifier));
        secondId = api().as(project.ownerId(), PROJECT_OWNER)
                .post("/reports", report("2025-01-01", "2025-06-30", assignedVerifier)).expect(201)
                .get("id").asString();
        // the rows run after this method returns, past the first report's disclosure window
        afterDisclosure();

        List<Row> table = new ArrayList<>();
        table.addAll(publicDisclosure());
        table.addAll(submission());
        table.addAll(decision());
        table.addAll(disclosure());
        table.addAll(verification());
        table.addAll(resubmission());
        return table.stream().map(row -> dynamicTest(row.toString(), row::run));
    }

    // ---------------------------------------------------------------- the table

    /** Public disclosure GETs: 200 with no token or a valid one; 401 with a present but invalid token. */
    private List<Row> publicDisclosure() {
        List<Request> reads = List.of(
                get("GET /projects/{id}", "/projects/" + project.projectId()),
                get("GET /reports/{id}", "/reports/" + reportId),
                get("GET /reports?projectId", "/reports?projectId=" + project.projectId()),
                get("GET /reports?status", "/reports?status=SUBMITTED&limit=1"),
                get("GET /species", "/species"),
                get("GET /uncertainty-bands", "/uncertainty-bands"),
                get("GET /parameters", "/parameters"),
                get("GET /reports/{id}/versions", "/reports/" + reportId + "/versions"),
                get("GET /reports/{id}/versions/{version}", "/reports/" + reportId + "/versions/1"),
                get("GET /reports/{id}/recomputation", "/reports/" + reportId + "/recomputation"),
                get("GET /reports/{id}/calculation-report", "/reports/" + reportId + "/calculation-report"),
                get("GET /reports/{id}/calculation-report.pdf", "/reports/" + reportId + "/calculation-report.pdf"));
        List<Row> rows = new ArrayList<>();
        for (Request read : reads) {
            for (Who who : Who.VALID) {
                rows.add(row(who, read, 200));
            }
            rows.add(row(Who.NO_TOKEN, read, 200));
            for (Who who : Who.INVALID_TOKEN) {
                rows.add(row(who, read, 401, "unauthenticated"));
            }
        }
        rows.add(row(Who.NO_TOKEN, get("GET /projects/{unknown}", "/projects/" + UUID.randomUUID()), 404, "not-found"));
        rows.add(row(Who.NO_TOKEN, get("GET /reports/{unknown}", "/reports/" + UUID.randomUUID()), 404, "not-found"));
        rows.add(row(Who.NO_TOKEN, get("GET /reports/{unknown}/recomputation",
                "/reports/" + UUID.randomUUID() + "/recomputation"), 404, "not-found"));
        rows.add(row(Who.NO_TOKEN, get("GET /reports/{id}/versions/{unknown}", "/reports/" + reportId + "/versions/9"),
                404, "not-found"));
        return rows;
    }

    /**
     * POST /reports: only the project's owner; never naming the project's validator or itself as
     * verifier; server-owned fields are refused. The body is one the owner may submit (its period
     * follows the set-up report's), so a refusal is for who asks, not for what is asked.
     */
    private List<Row> submission() {
        Request submit = submit("POST /reports", report("2023-01-01", "2024-12-31", assignedVerifier));
        List<Row> rows = new ArrayList<>(List.of(
                row(Who.ANOTHER_PARTICIPANT, submit, 403, "forbidden"),
                row(Who.ASSIGNED_VERIFIER, submit, 403, "forbidden"),
                row(Who.ANOTHER_VERIFIER, submit, 403, "forbidden"),
                row(Who.VALIDATOR, submit, 403, "forbidden"),
                row(Who.ADMINISTRATOR, submit, 403, "forbidden"),
                row(Who.OWNER, submit("POST /reports naming the validator as verifier",
                        report("2023-01-01", "2024-12-31", project.validatorId())),
                        422, "verifier-validated-project", "verifierId"),
                row(Who.OWNER, submit("POST /reports naming the owner as verifier",
                        report("2023-01-01", "2024-12-31", project.ownerId())),
                        422, "verifier-is-owner", "verifierId"),
                row(Who.OWNER, submit("POST /reports with status", withField("status", "VERIFIED")),
                        400, "validation", "status"),
                row(Who.OWNER, submit("POST /reports with verifiedCredits", withField("verifiedCredits", 999_999)),
                        400, "validation", "verifiedCredits"),
                row(Who.OWNER, submit("POST /reports with netRemovals",
                        withField("netRemovals", new BigDecimal("999999.0000"))), 400, "validation", "netRemovals"),
                row(Who.OWNER, submit("POST /reports with ownerId", withField("ownerId", anotherParticipant.toString())),
                        400, "validation", "ownerId"),
                row(Who.OWNER, submit("POST /reports with id", withField("id", UUID.randomUUID().toString())),
                        400, "validation", "id"),
                row(Who.OWNER, submit("POST /reports with decision",
                        withField("decision", Map.of("decidedBy", assignedVerifier.toString()))),
                        400, "validation", "decision")));
        for (Who who : Who.UNAUTHENTICATED) {
            rows.add(row(who, submit, 401, "unauthenticated"));
        }
        // last: the same request from its rightful caller succeeds, as submitted and nothing more
        rows.add(row(Who.OWNER, submit, 201).then((before, created) -> {
            JsonNode report = created.json();
            assertThat(report.get("status").asString()).isEqualTo("SUBMITTED");
            assertThat(report.get("ownerId").asString()).isEqualTo(project.ownerId().toString());
            assertThat(report.get("verifierId").asString()).isEqualTo(assignedVerifier.toString());
            assertThat(report.get("decision").isNull()).isTrue();
            Visible after = visible();
            assertThat(after.reportCount()).isEqualTo(before.reportCount() + 1);
            assertThat(after.announcements()).isEqualTo(before.announcements());
        }));
        return rows;
    }

    /**
     * POST /reports/{id}/decision: only the report's assigned verifier, with role VERIFIER. Every
     * refused approval leaves the report SUBMITTED and announces nothing.
     */
    private List<Row> decision() {
        Request approve = decide("POST /reports/{id}/decision APPROVE", reportId, Map.of("decision", "APPROVE"));
        Request reject = decide("POST /reports/{id}/decision REJECT", reportId,
                Map.of("decision", "REJECT", "comment", "plot sheets missing"));
        Request unknown = decide("POST /reports/{unknown}/decision", UUID.randomUUID().toString(),
                Map.of("decision", "APPROVE"));
        List<Row> rows = new ArrayList<>();
        for (Request request : List.of(approve, reject)) {
            rows.addAll(List.of(
                    row(Who.OWNER, request, 403, "forbidden"),
                    row(Who.ANOTHER_PARTICIPANT, request, 403, "forbidden"),
                    row(Who.ANOTHER_VERIFIER, request, 403, "forbidden"),
                    row(Who.VALIDATOR, request, 403, "forbidden"),
                    row(Who.ADMINISTRATOR, request, 403, "forbidden"),
                    row(Who.ASSIGNED_VERIFIER_WITHOUT_ROLE, request, 403, "forbidden")));
            for (Who who : Who.UNAUTHENTICATED) {
                rows.add(row(who, request, 401, "unauthenticated"));
            }
        }
        rows.addAll(List.of(
                row(Who.ASSIGNED_VERIFIER, unknown, 404, "not-found"),
                row(Who.ANOTHER_VERIFIER, unknown, 404, "not-found"),
                row(Who.NO_TOKEN, unknown, 401, "unauthenticated"),
                row(Who.ASSIGNED_VERIFIER, decide("POST /reports/{id}/decision with status", reportId,
                        Map.of("decision", "APPROVE", "status", "REJECTED")), 400, "validation", "status"),
                row(Who.ASSIGNED_VERIFIER, decide("POST /reports/{id}/decision with decidedBy", reportId,
                        Map.of("decision", "APPROVE", "decidedBy", anotherVerifier.toString())),
                        400, "validation", "decidedBy")));
        // last: the rightful caller approves, and the approval is announced once
        rows.add(row(Who.ASSIGNED_VERIFIER, approve, 200).then((before, approved) -> {
            assertThat(approved.json().get("status").asString()).isEqualTo("VERIFIED");
            assertThat(approved.json().get("decision").get("decidedBy").asString())
                    .isEqualTo(assignedVerifier.toString());
            assertThat(announcementsOf(reportId)).isOne();
            assertThat(TestEvents.await(Topics.VERIFICATION_REPORTS, MonitoringReportVerified.class,
                    e -> e.reportId().toString().equals(reportId), PATIENCE))
                    .singleElement().satisfies(e -> assertThat(e.verifierId()).isEqualTo(assignedVerifier));
        }));
        return rows;
    }

    /** POST /reports/{id}/disclosure: only the report's owner; the last row discloses the second report. */
    private List<Row> disclosure() {
        Request disclose = new Request("POST /reports/{id}/disclosure", "POST", "/reports/" + secondId + "/disclosure",
                Map.of(), new Identity(project.ownerId(), PROJECT_OWNER));
        List<Row> rows = new ArrayList<>(List.of(
                row(Who.ANOTHER_PARTICIPANT, disclose, 403, "forbidden"),
                row(Who.ASSIGNED_VERIFIER, disclose, 403, "forbidden"),
                row(Who.ANOTHER_VERIFIER, disclose, 403, "forbidden"),
                row(Who.VALIDATOR, disclose, 403, "forbidden"),
                row(Who.ADMINISTRATOR, disclose, 403, "forbidden")));
        for (Who who : Who.UNAUTHENTICATED) {
            rows.add(row(who, disclose, 401, "unauthenticated"));
        }
        rows.add(row(Who.OWNER, disclose, 200).then((before, disclosed) -> {
            assertThat(disclosed.json().get("status").asString()).isEqualTo("DISCLOSED");
            assertThat(disclosed.json().get("disclosureCloses").isNull()).isFalse();
        }));
        rows.add(row(Who.OWNER, disclose, 409, "already-disclosed"));
        return rows;
    }

    /** POST /reports/{id}/verification: only the report's assigned verifier, with role VERIFIER. */
    private List<Row> verification() {
        Request start = new Request("POST /reports/{id}/verification", "POST", "/reports/" + secondId + "/verification",
                Map.of(), new Identity(assignedVerifier, VERIFIER));
        List<Row> rows = new ArrayList<>(List.of(
                row(Who.OWNER, start, 403, "forbidden"),
                row(Who.ANOTHER_PARTICIPANT, start, 403, "forbidden"),
                row(Who.ANOTHER_VERIFIER, start, 403, "forbidden"),
                row(Who.VALIDATOR, start, 403, "forbidden"),
                row(Who.ADMINISTRATOR, start, 403, "forbidden"),
                row(Who.ASSIGNED_VERIFIER_WITHOUT_ROLE, start, 403, "forbidden")));
        for (Who who : Who.UNAUTHENTICATED) {
            rows.add(row(who, start, 401, "unauthenticated"));
        }
        rows.add(row(Who.ASSIGNED_VERIFIER, start, 200).then((before, started) ->
                assertThat(started.json().get("status").asString()).isEqualTo("UNDER_VERIFICATION")));
        return rows;
    }

    /**
     * POST /reports/{id}/versions: after the verifier asked for changes, only the owner resubmits; the
     * earlier version stays readable.
     */
    private List<Row> resubmission() {
        Request requestChanges = decide("POST /reports/{id}/decision REQUEST_CHANGES", secondId,
                Map.of("decision", "REQUEST_CHANGES", "comment", "add the plot sheets of stratum 0"));
        Map<String, Object> body = report("2025-01-01", "2025-06-30", assignedVerifier);
        Request resubmit = new Request("POST /reports/{id}/versions", "POST", "/reports/" + secondId + "/versions",
                body, new Identity(project.ownerId(), PROJECT_OWNER));
        Map<String, Object> withStatus = new LinkedHashMap<>(body);
        withStatus.put("status", "VERIFIED");
        List<Row> rows = new ArrayList<>(List.of(
                row(Who.OWNER, requestChanges, 403, "forbidden"),
                row(Who.ANOTHER_VERIFIER, requestChanges, 403, "forbidden"),
                row(Who.ASSIGNED_VERIFIER, requestChanges, 200),
                row(Who.ANOTHER_PARTICIPANT, resubmit, 403, "forbidden"),
                row(Who.ASSIGNED_VERIFIER, resubmit, 403, "forbidden"),
                row(Who.ANOTHER_VERIFIER, resubmit, 403, "forbidden"),
                row(Who.VALIDATOR, resubmit, 403, "forbidden"),
                row(Who.ADMINISTRATOR, resubmit, 403, "forbidden"),
                row(Who.OWNER, new Request("POST /reports/{id}/versions with status", "POST",
                        "/reports/" + secondId + "/versions", withStatus, resubmit.rightful()), 400, "validation", "status")));
        for (Who who : Who.UNAUTHENTICATED) {
            rows.add(row(who, resubmit, 401, "unauthenticated"));
        }
        rows.add(row(Who.OWNER, resubmit, 201).then((before, resubmitted) -> {
            assertThat(resubmitted.json().get("status").asString()).isEqualTo("RESUBMITTED");
            assertThat(resubmitted.json().get("version").asInt()).isEqualTo(2);
            assertThat(api().get("/reports/" + secondId + "/versions/1").expect(200).get("version").asInt()).isOne();
        }));
        return rows;
    }

    // ---------------------------------------------------------------- rows and requests

    /** The identity a request is rightfully made with; bad tokens are minted for it. */
    private record Identity(UUID participantId, String... roles) {
    }

    private record Request(String name, String method, String path, Object body, Identity rightful) {
    }

    private Request get(String name, String path) {
        return new Request(name, "GET", path, null, new Identity(project.ownerId(), PROJECT_OWNER));
    }

    private Request submit(String name, Map<String, Object> body) {
        return new Request(name, "POST", "/reports", body, new Identity(project.ownerId(), PROJECT_OWNER));
    }

    private Request decide(String name, String report, Map<String, Object> body) {
        return new Request(name, "POST", "/reports/" + report + "/decision", body,
                new Identity(assignedVerifier, VERIFIER));
    }

    private Row row(Who who, Request request, int status) {
        return new Row(who, request, status, null, null, null);
    }

    private Row row(Who who, Request request, int status, String problem) {
        return new Row(who, request, status, problem, null, null);
    }

    private Row row(Who who, Request request, int status, String problem, String field) {
        return new Row(who, request, status, problem, field, null);
    }

    /**
     * One call and what must come of it: the status, for a refusal the problem type and the field it
     * names; a refusal changes nothing visible, a success is checked by {@code then}.
     */
    private final class Row {

        final Who who;
        final Request request;
        final int status;
        final String problem;
        final String field;
        final BiConsumer<Visible, Response> then;

        Row(Who who, Request request, int status, String problem, String field, BiConsumer<Visible, Response> then) {
            this.who = who;
            this.request = request;
            this.status = status;
            this.problem = problem;
            this.field = field;
            this.then = then;
        }

        Row then(BiConsumer<Visible, Response> check) {
            return new Row(who, request, status, problem, field, check);
        }

        void run() {
            Visible before = visible();

            Response response = client(who, request.rightful()).send(request.method(), request.path(), request.body());

            assertThat(response.status()).as("%s: %s", this, response).isEqualTo(status);
            if (problem != null) {
                assertThat(response.json().path("type").asString()).as("problem type of %s", response)
                        .isEqualTo("urn:carbonsink:problem:" + problem);
            }
            if (field != null) {
                List<String> fields = new ArrayList<>();
                response.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
                assertThat(fields).as("fields named by %s", response).contains(field);
            }
            if (status == 200 && request.path().endsWith("/calculation-report")) {
                assertThat(response.body()).as("a calculation report").contains("Calculation report");
            } else if (status == 200 && request.path().endsWith(".pdf")) {
                assertThat(response.body()).as("a PDF").startsWith("%PDF-");
            } else if (status == 200 && request.method().equals("GET")) {
                assertThat(response.json().isMissingNode()).as("a disclosure has a body").isFalse();
            }
            if (status >= 400) {
                assertThat(visible()).as("nothing changed after %s", this).isEqualTo(before);
            }
            if (then != null) {
                then.accept(before, response);
            }
        }

        @Override
        public String toString() {
            return who.label + " | " + request.name() + " | " + status + (problem == null ? "" : " " + problem)
                    + (field == null ? "" : " (" + field + ")");
        }
    }

    private ApiClient client(Who who, Identity rightful) {
        UUID id = rightful.participantId();
        String[] roles = rightful.roles();
        return switch (who) {
            case OWNER -> api().as(project.ownerId(), PROJECT_OWNER);
            case ANOTHER_PARTICIPANT -> api().as(anotherParticipant, PROJECT_OWNER);
            case ASSIGNED_VERIFIER -> api().as(assignedVerifier, VERIFIER);
            case ANOTHER_VERIFIER -> api().as(anotherVerifier, VERIFIER);
            case VALIDATOR -> api().as(project.validatorId(), VERIFIER);
            case ADMINISTRATOR -> api().as(REGISTRY_ADMINISTRATOR, "REGISTRY_ADMINISTRATOR");
            case ASSIGNED_VERIFIER_WITHOUT_ROLE -> api().as(assignedVerifier);
            case NO_TOKEN -> api();
            case EXPIRED -> api().withToken(TestTokens.expired(id, roles));
            case OTHER_AUDIENCE -> api().withToken(TestTokens.forAnotherAudience(id, roles));
            case OTHER_ISSUER -> api().withToken(TestTokens.fromAnotherIssuer(id, roles));
            case OTHER_KEY -> api().withToken(TestTokens.signedByAnotherKey(id, roles));
            case TAMPERED -> api().withToken(TestTokens.tampered(id, roles));
        };
    }

    // ---------------------------------------------------------------- what is visible

    /**
     * What a call could change: the project's reports as disclosed (every field, so status and
     * decision too), their number, and the events the project's outbox holds for Kafka.
     */
    private record Visible(String reports, long reportCount, long announcements) {
    }

    private Visible visible() {
        JsonNode page = api().get("/reports?projectId=" + project.projectId() + "&limit=500").expect(200);
        long announcements = jdbc.sql("select count(*) from outbox_event where event_key = :key")
                .param("key", project.projectId().toString()).query(Long.class).single();
        return new Visible(page.get("items").toString(), page.get("total").asLong(), announcements);
    }

    private long announcementsOf(String report) {
        return jdbc.sql("select count(*) from outbox_event where event_type = :type and payload like :id")
                .param("type", MonitoringReportVerified.class.getSimpleName()).param("id", "%" + report + "%")
                .query(Long.class).single();
    }

    // ---------------------------------------------------------------- bodies

    private Map<String, Object> report(String start, String end, UUID verifier) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("projectId", project.projectId().toString());
        body.put("periodStart", start);
        body.put("periodEnd", end);
        body.put("verifierId", verifier.toString());
        body.put("relativeUncertaintyPercent", new BigDecimal("5"));
        body.put("strata", List.of(Map.of("species", "CHINESE_FIR", "areaHectares", new BigDecimal("100"),
                "volumeStartPerHectare", standVolume(start), "volumeEndPerHectare", standVolume(end))));
        return body;
    }

    /** The stand grows 10 m³/ha a year from 20 on 2021-01-01, so each period starts where the one before ended. */
    private static BigDecimal standVolume(String date) {
        LocalDate day = LocalDate.parse(date);
        LocalDate from = day.getDayOfMonth() == 1 ? day : day.plusDays(1);
        return BigDecimal.valueOf(20 + 10L * (from.getYear() - 2021))
                .add(BigDecimal.valueOf(10L * (from.getMonthValue() - 1)).divide(BigDecimal.valueOf(12), 4,
                        RoundingMode.HALF_EVEN));
    }

    /** The owner's acceptable report plus one field the server owns. */
    private Map<String, Object> withField(String name, Object value) {
        Map<String, Object> body = report("2023-01-01", "2024-12-31", assignedVerifier);
        body.put(name, value);
        return body;
    }
}
