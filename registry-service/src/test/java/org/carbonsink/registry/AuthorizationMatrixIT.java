package org.carbonsink.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.carbonsink.contracts.CreditsIssued;
import org.carbonsink.contracts.MonitoringReportVerified;
import org.carbonsink.contracts.Topics;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.TestTokens;
import org.carbonsink.testsupport.TestEvents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who may do what in the registry (docs/identity.md), as one table: every endpoint, called by every
 * kind of caller, answers the designed status, and a refused call changes nothing a user can see.
 * A second table shows that request bodies cannot set server-owned fields.
 *
 * <p>The objects are set up once: an owner with a registered project, credits issued to its account
 * through a {@code MonitoringReportVerified} event, and one retirement. Calls that would change an
 * object the table needs again (deciding an application) get a fresh object per call.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT extends RegistryIT {

    private static final String[] EVERY_ROLE = {"PROJECT_OWNER", "VERIFIER", ADMINISTRATOR_ROLE, "TRADER",
            "EXCHANGE_OPERATOR", "LENDER"};
    private static final UUID UNKNOWN = UUID.randomUUID();
    private static final UUID BUFFER_POOL_ACCOUNT = UUID.fromString("00000000-0000-0000-0000-00000000b002");
    private static final int VINTAGE = 2024;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Object> REASON = Map.of("reason", "Baseline not demonstrated");
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    /** The callers of every row. From {@code EXPIRED} on, they present a token the registry must not accept. */
    enum Who {
        OWNER("the owner of the objects"),
        OTHER("another registered participant (trader)"),
        VERIFIER("a registered verifier"),
        LENDER("the lender of the pledges (a registered LENDER)"),
        ADMINISTRATOR("the registry administrator"),
        OTHER_CLAIMING_EVERY_ROLE("another participant whose valid token claims every role"),
        UNREGISTERED("a valid token for no registered participant, claiming every role"),
        NO_TOKEN("no token"),
        EXPIRED("an expired token"),
        OTHER_AUDIENCE("a token for another audience"),
        OTHER_ISSUER("a token from another issuer"),
        OTHER_KEY("a token signed by another key"),
        TAMPERED("a tampered token (roles rewritten to the administrator's)"),
        FORGED_SUBJECT("a tampered token (another's token rewritten to the entitled caller)"),
        UNSIGNED("an unsigned token (alg none) for the entitled caller"),
        MALFORMED("a bearer value that is no JWT");

        final String label;

        Who(String label) {
            this.label = label;
        }
    }

    /**
     * The designed status per caller; the invalid tokens share one column. The lender is another
     * registered participant: outside the pledge rows it is answered as {@code other} is.
     */
    record Expect(int owner, int other, int verifier, int lender, int administrator, int claimsEveryRole,
            int unregistered, int noToken, int invalidToken) {

        int of(Who who) {
            return switch (who) {
                case OWNER -> owner;
                case OTHER -> other;
                case VERIFIER -> verifier;
                case LENDER -> lender;
                case ADMINISTRATOR -> administrator;
                case OTHER_CLAIMING_EVERY_ROLE -> claimsEveryRole;
                case UNREGISTERED -> unregistered;
                case NO_TOKEN -> noToken;
                default -> invalidToken;
            };
        }

        /** Whose identity the invalid tokens carry: the caller a valid token would let through. */
        boolean administratorOnly() {
            return administrator / 100 == 2 && owner / 100 != 2;
        }

        boolean lenderOnly() {
            return lender / 100 == 2 && owner / 100 != 2 && administrator / 100 != 2;
        }
    }

    /** One request; {@code alsoVisible} is what a user can see of the object it acts on, besides the rest. */
    record Call(String method, String path, Object body, Supplier<Object> alsoVisible) {
    }

    record Row(String endpoint, Supplier<Call> call, Expect expect) {
    }

    UUID owner;
    UUID ownerAccount;
    UUID other;
    UUID otherAccount;
    UUID verifier;
    final UUID unregistered = UUID.randomUUID();
    UUID project;
    UUID issuance;
    UUID retirement;
    UUID cancellation;
    UUID lender;
    UUID pledge;
    long aSerial;

    @BeforeAll
    void setUpTheObjects() {
        JsonNode ownerNode = registerParticipant("Fujian Bamboo Forest Co.", "PROJECT_OWNER");
        owner = id(ownerNode);
        ownerAccount = accountId(ownerNode);
        JsonNode otherNode = registerParticipant("Shenzhen Carbon Trading Desk", "TRADER");
        other = id(otherNode);
        otherAccount = accountId(otherNode);
        verifier = id(registerParticipant("Beijing Sink Verification Centre", "VERIFIER"));
        project = id(registeredProject(owner));

        UUID reportId = UUID.randomUUID();
        TestEvents.send(Topics.VERIFICATION_REPORTS, project.toString(), new MonitoringReportVerified(
                UUID.randomUUID(), Instant.now(), reportId, project, owner, verifier, LocalDate.of(2022, 1, 1),
                LocalDate.of(2024, 12, 31), VINTAGE, new BigDecimal("100.0000"), 100, 10));
        List<CreditsIssued> issued = TestEvents.await(Topics.REGISTRY_CREDITS, CreditsIssued.class,
                e -> e.reportId().equals(reportId), EVENTUALLY);
        assertThat(issued).as("credits issued for the verified report").hasSize(1);
        issuance = issued.get(0).issuanceId();
        await().atMost(EVENTUALLY).until(() -> available(ownerAccount) == 90);

        retirement = id(api().as(owner, "PROJECT_OWNER").post("/accounts/" + ownerAccount + "/retirements",
                retirementOf(5)).expect(201));
        assertThat(available(ownerAccount)).isEqualTo(85);
        cancellation = id(api().as(owner, "PROJECT_OWNER").post("/accounts/" + ownerAccount + "/cancellations",
                Map.of("projectId", project, "vintage", VINTAGE, "quantity", 1, "reason", "Moved to another programme"))
                .expect(201));
        aSerial = issued.get(0).ownerSerials().first();
        lender = id(registerParticipant("Industrial Bank Fuzhou", "LENDER"));
        pledge = freshPledge();
    }

    // ---------------------------------------------------------------------------------------------
    // The matrix

    /**
     * Columns: the owner of the objects, another registered participant (trader), a registered verifier, the
     * registry administrator, another participant whose valid token claims every role, a valid token for no
     * registered participant (claiming every role), no token, and every invalid token (see {@link Who}).
     */
    List<Row> matrix() {
        return List.of(
                // public disclosure: anyone, with or without a token; a present but invalid token is refused
                // owner other verif admin every unreg none  bad
                row(200, 200, 200, 200, 200, 200, 200, 401, "GET /projects", () -> get("/projects")),
                row(200, 200, 200, 200, 200, 200, 200, 401, "GET /projects?status&ownerId",
                        () -> get("/projects?status=REGISTERED&ownerId=" + owner)),
                row(200, 200, 200, 200, 200, 200, 200, 401, "GET /projects/{id}", () -> get("/projects/" + project)),
                row(404, 404, 404, 404, 404, 404, 404, 401, "GET /projects/{unknown}", () -> get("/projects/" + UNKNOWN)),
                row(200, 200, 200, 200, 200, 200, 200, 401, "GET /methodologies", () -> get("/methodologies")),
                row(200, 200, 200, 200, 200, 200, 200, 401, "GET /methodologies/{code}",
                        () -> get("/methodologies/CCER-14-001-V01")),
                row(404, 404, 404, 404, 404, 404, 404, 401, "GET /methodologies/{unknown}",
                        () -> get("/methodologies/NOPE-V00")),
                row(200, 200, 200, 200, 200, 200, 200, 401, "GET /issuances", () -> get("/issuances?projectId=" + project)),
                row(200, 200, 200, 200, 200, 200, 200, 401, "GET /issuances/{id}", () -> get("/issuances/" + issuance)),
                row(404, 404, 404, 404, 404, 404, 404, 401, "GET /issuances/{unknown}", () -> get("/issuances/" + UNKNOWN)),
                row(200, 200, 200, 200, 200, 200, 200, 401, "GET /retirements",
                        () -> get("/retirements?projectId=" + project)),
                row(200, 200, 200, 200, 200, 200, 200, 401, "GET /retirements/{id}",
                        () -> get("/retirements/" + retirement)),
                row(404, 404, 404, 404, 404, 404, 404, 401, "GET /retirements/{unknown}",
                        () -> get("/retirements/" + UNKNOWN)),
                row(200, 200, 200, 200, 200, 200, 200, 401, "GET /cancellations",
                        () -> get("/cancellations?projectId=" + project)),
                row(200, 200, 200, 200, 200, 200, 200, 401, "GET /cancellations/{id}",
                        () -> get("/cancellations/" + cancellation)),
                row(404, 404, 404, 404, 404, 404, 404, 401, "GET /cancellations/{unknown}",
                        () -> get("/cancellations/" + UNKNOWN)),
                row(200, 200, 200, 200, 200, 200, 200, 401, "GET /reversals", () -> get("/reversals")),
                row(404, 404, 404, 404, 404, 404, 404, 401, "GET /reversals/{unknown}",
                        () -> get("/reversals/" + UNKNOWN)),
                row(200, 200, 200, 200, 200, 200, 200, 401, "GET /ledger/supply",
                        () -> get("/ledger/supply?projectId=" + project)),
                row(200, 200, 200, 200, 200, 200, 200, 401, "GET /ledger/buffer-pool", () -> get("/ledger/buffer-pool")),
                row(200, 200, 200, 200, 200, 200, 200, 401, "GET /ledger/serials/{serial}",
                        () -> get("/ledger/serials/" + aSerial)),
                row(404, 404, 404, 404, 404, 404, 404, 401, "GET /ledger/serials/{never issued}",
                        () -> get("/ledger/serials/" + Long.MAX_VALUE)),
                row(200, 200, 200, 200, 200, 200, 200, 401, "GET /ledger/check", () -> get("/ledger/check")),
                row(200, 200, 200, 200, 200, 200, 200, 401, "GET /ledger/check?projectId",
                        () -> get("/ledger/check?projectId=" + project)),

                // participants: a participant reads its own record, the administrator anyone's; others are refused
                // without the id being looked up (so a stranger cannot tell whether it is registered); only the
                // administrator registers one
                // owner other verif admin every unreg none  bad
                row(200, 403, 403, 200, 403, 403, 401, 401, "GET /participants/{owner}", () -> get("/participants/" + owner)),
                row(403, 403, 403, 404, 403, 403, 401, 401, "GET /participants/{unknown}",
                        () -> get("/participants/" + UNKNOWN)),
                row(403, 403, 403, 201, 403, 403, 401, 401, "POST /participants", this::registerAFreshSubject),

                // the methodology catalogue: only the administrator edits it
                // owner other verif admin every unreg none  bad
                row(403, 403, 403, 200, 403, 403, 401, 401, "PUT /methodologies/{code}", this::editAMethodology),
                row(403, 403, 403, 404, 403, 403, 401, 401, "PUT /methodologies/{unknown}",
                        () -> new Call("PUT", "/methodologies/NOPE-V00", Map.of("status", "PILOT", "bufferRate", 0.2),
                                null)),

                // projects: only a registered PROJECT_OWNER drafts; only the project's owner edits, discloses,
                // applies and cancels; only its validator reports; only the administrator decides and supervises
                // owner other verif admin every unreg none  bad
                row(201, 403, 403, 403, 403, 403, 401, 401, "POST /projects", this::draftAProject),
                row(200, 403, 403, 403, 403, 403, 401, 401, "PUT /projects/{draft}",
                        () -> new Call("PUT", "/projects/" + freshDraft(), design(verifier), null)),
                row(200, 403, 403, 403, 403, 403, 401, 401, "POST /projects/{draft}/disclosure",
                        () -> act(freshDraft(), "disclosure", null)),
                row(201, 201, 201, 201, 201, 201, 201, 401, "POST /projects/{disclosed}/comments",
                        () -> new Call("POST", "/projects/" + freshDisclosure() + "/comments",
                                Map.of("body", "Is the land already planted?"), null)),
                row(200, 200, 200, 200, 200, 200, 200, 401, "GET /projects/{id}/comments",
                        () -> get("/projects/" + project + "/comments")),
                row(200, 200, 200, 200, 200, 200, 200, 401, "GET /projects/{id}/boundary",
                        () -> get("/projects/" + project + "/boundary")),
                row(403, 403, 201, 403, 403, 403, 401, 401, "POST /projects/{in validation}/validation-report",
                        () -> act(inValidation(owner, verifier), "validation-report",
                                Map.of("positive", true, "summary", "Conforms to CCER-14-001-V01"))),
                row(200, 403, 403, 403, 403, 403, 401, 401, "POST /projects/{validated}/application",
                        () -> act(validated(), "application", null)),
                row(403, 403, 403, 200, 403, 403, 401, 401, "POST /projects/{applied}/registration",
                        () -> act(applied(owner), "registration", null)),
                row(403, 403, 403, 200, 403, 403, 401, 401, "POST /projects/{applied}/rejection",
                        () -> act(applied(owner), "rejection", REASON)),
                row(403, 403, 403, 409, 403, 403, 401, 401, "POST /projects/{registered}/registration",
                        () -> act(project, "registration", null)),
                row(403, 403, 403, 409, 403, 403, 401, 401, "POST /projects/{registered}/rejection",
                        () -> act(project, "rejection", REASON)),
                row(403, 403, 403, 404, 403, 403, 401, 401, "POST /projects/{unknown}/registration",
                        () -> act(UNKNOWN, "registration", null)),
                row(403, 403, 403, 404, 403, 403, 401, 401, "POST /projects/{unknown}/rejection",
                        () -> act(UNKNOWN, "rejection", REASON)),
                row(403, 403, 403, 200, 403, 403, 401, 401, "POST /projects/{registered}/suspension",
                        () -> act(id(registeredProject(owner)), "suspension", REASON)),
                row(403, 403, 403, 200, 403, 403, 401, 401, "POST /projects/{suspended}/resumption",
                        () -> act(suspended(), "resumption", REASON)),
                row(200, 403, 403, 403, 403, 403, 401, 401, "POST /projects/{registered}/cancellation",
                        () -> act(id(registeredProject(owner)), "cancellation", REASON)),
                row(403, 403, 403, 200, 403, 403, 401, 401, "POST /projects/{registered}/revocation",
                        () -> act(id(registeredProject(owner)), "revocation", REASON)),
                row(403, 403, 403, 404, 403, 403, 401, 401, "POST /projects/{unknown}/revocation",
                        () -> act(UNKNOWN, "revocation", REASON)),
                row(403, 403, 403, 200, 403, 403, 401, 401, "GET /projects/overdue", () -> get("/projects/overdue")),

                // accounts: only the holder, not even the administrator; nobody holds the buffer pool through the API
                // owner other verif admin every unreg none  bad
                row(200, 403, 403, 403, 403, 403, 401, 401, "GET /accounts/{owner's}",
                        () -> get("/accounts/" + ownerAccount)),
                row(200, 403, 403, 403, 403, 403, 401, 401, "GET /accounts/{owner's}/serial-blocks",
                        () -> get("/accounts/" + ownerAccount + "/serial-blocks")),
                row(201, 403, 403, 403, 403, 403, 401, 401, "POST /accounts/{owner's}/retirements",
                        () -> retire(ownerAccount)),
                row(201, 403, 403, 403, 403, 403, 401, 401, "POST /accounts/{owner's}/transfers",
                        () -> transfer(ownerAccount)),
                row(201, 403, 403, 403, 403, 403, 401, 401, "POST /accounts/{owner's}/cancellations",
                        () -> cancel(ownerAccount)),
                row(403, 403, 403, 403, 403, 403, 401, 401, "POST /accounts/{buffer pool}/transfers",
                        () -> transfer(BUFFER_POOL_ACCOUNT)),
                row(403, 403, 403, 403, 403, 403, 401, 401, "POST /accounts/{buffer pool}/cancellations",
                        () -> cancel(BUFFER_POOL_ACCOUNT)),
                row(404, 404, 404, 404, 404, 404, 401, 401, "POST /accounts/{unknown}/transfers",
                        () -> transfer(UNKNOWN)),
                row(404, 404, 404, 404, 404, 404, 401, 401, "POST /accounts/{unknown}/cancellations",
                        () -> cancel(UNKNOWN)),

                // pledges: public register; the holder pledges its credits; only the lender releases or asks to
                // enforce; only the administrator confirms an enforcement
                // owner other verif lender admin every unreg none  bad
                pledgeRow(200, 200, 200, 200, 200, 200, 200, 200, 401, "GET /pledges", () -> get("/pledges")),
                pledgeRow(200, 200, 200, 200, 200, 200, 200, 200, 401, "GET /pledges?projectId&state",
                        () -> get("/pledges?projectId=" + project + "&state=ACTIVE")),
                pledgeRow(200, 200, 200, 200, 200, 200, 200, 200, 401, "GET /pledges/{id}",
                        () -> get("/pledges/" + pledge)),
                pledgeRow(404, 404, 404, 404, 404, 404, 404, 404, 401, "GET /pledges/{unknown}",
                        () -> get("/pledges/" + UNKNOWN)),
                pledgeRow(200, 200, 200, 200, 200, 200, 200, 200, 401, "GET /projects/{id}/pledges",
                        () -> get("/projects/" + project + "/pledges")),
                pledgeRow(201, 403, 403, 403, 403, 403, 403, 401, 401, "POST /pledges {owner's credits}",
                        () -> new Call("POST", "/pledges", pledgeOf(1), null)),
                pledgeRow(403, 403, 403, 200, 403, 403, 403, 401, 401, "POST /pledges/{active}/releases",
                        () -> onPledge(freshPledge(), "releases", Map.of("quantity", 1))),
                pledgeRow(403, 403, 403, 200, 403, 403, 403, 401, 401, "POST /pledges/{active}/enforcement-request",
                        () -> onPledge(freshPledge(), "enforcement-request", Map.of("reason", "EVENT_OF_DEFAULT", "description", "Instalment unpaid"))),
                pledgeRow(403, 403, 403, 403, 200, 403, 403, 401, 401, "POST /pledges/{requested}/enforcement",
                        () -> onPledge(enforcementRequested(), "enforcement", null)),
                pledgeRow(403, 403, 403, 404, 403, 404, 404, 401, 401, "POST /pledges/{unknown}/releases",
                        () -> onPledge(UNKNOWN, "releases", Map.of("quantity", 1))),

                // reversals: only the administrator records one
                // owner other verif admin every unreg none  bad
                row(403, 403, 403, 201, 403, 403, 401, 401, "POST /reversals", this::recordAReversal),

                row(403, 403, 403, 403, 403, 403, 401, 401, "GET /accounts/{buffer pool}",
                        () -> get("/accounts/" + BUFFER_POOL_ACCOUNT)),
                row(403, 403, 403, 403, 403, 403, 401, 401, "GET /accounts/{buffer pool}/serial-blocks",
                        () -> get("/accounts/" + BUFFER_POOL_ACCOUNT + "/serial-blocks")),
                row(403, 403, 403, 403, 403, 403, 401, 401, "POST /accounts/{buffer pool}/retirements",
                        () -> retire(BUFFER_POOL_ACCOUNT)),
                row(404, 404, 404, 404, 404, 404, 401, 401, "GET /accounts/{unknown}", () -> get("/accounts/" + UNKNOWN)),
                row(404, 404, 404, 404, 404, 404, 401, 401, "GET /accounts/{unknown}/serial-blocks",
                        () -> get("/accounts/" + UNKNOWN + "/serial-blocks")),
                row(404, 404, 404, 404, 404, 404, 401, 401, "POST /accounts/{unknown}/retirements",
                        () -> retire(UNKNOWN)));
    }

    @TestFactory
    Stream<DynamicContainer> everyEndpointAnswersEveryCallerAsDesignedAndARefusalChangesNothing() {
        return matrix().stream().map(row -> dynamicContainer(row.endpoint(), Arrays.stream(Who.values())
                .map(who -> dynamicTest(who.label + " -> " + row.expect().of(who), () -> check(row, who)))));
    }

    private void check(Row row, Who who) {
        Call call = row.call().get();
        Map<String, String> before = visible(call);
        int n = ADDRESSES.incrementAndGet();
        ApiClient.Response response = caller(who, row.expect())
                .withHeader("X-Forwarded-For", "192.0." + (n / 250) + "." + (n % 250 + 1))
                .send(call.method(), call.path(), call.body());
        int expected = row.expect().of(who);

        assertThat(response.status()).as("%s %s as %s: %s", call.method(), call.path(), who.label, response.body())
                .isEqualTo(expected);
        if (expected == 401) {
            assertThat(response.header("WWW-Authenticate")).as("WWW-Authenticate").startsWith("Bearer");
            assertThat(response.json().path("type").asString()).isEqualTo("urn:carbonsink:problem:unauthenticated");
        }
        if (expected == 403) {
            assertThat(response.json().path("type").asString()).isEqualTo("urn:carbonsink:problem:forbidden");
        }
        if (expected >= 400) {
            assertUnchanged(before, visible(call), call);
        }
    }

    private static void assertUnchanged(Map<String, String> before, Map<String, String> after, Call call) {
        assertThat(before.keySet().stream().filter(what -> !before.get(what).equals(after.get(what)))
                .map(what -> what + ": " + before.get(what) + "  ->  " + after.get(what)).toList())
                .as("what users can see, changed by the refused %s %s", call.method(), call.path()).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------
    // Request bodies cannot set server-owned fields

    record Smuggled(String endpoint, Who who, Supplier<Call> call, String field) {
    }

    List<Smuggled> smuggled() {
        return List.of(
                smuggle("POST /projects", Who.OWNER, "status", "REGISTERED", this::draftAProject),
                smuggle("POST /projects", Who.OWNER, "ownerId", other, this::draftAProject),
                smuggle("POST /projects", Who.OWNER, "code", "P999999", this::draftAProject),
                smuggle("POST /projects", Who.OWNER, "bufferRate", 0, this::draftAProject),
                smuggle("POST /projects", Who.OWNER, "decidedBy", ADMINISTRATOR, this::draftAProject),
                smuggle("POST /projects", Who.OWNER, "id", project, this::draftAProject),
                smuggle("POST /projects", Who.OWNER, "disclosure", Map.of("closes", "2020-01-01"), this::draftAProject),
                smuggle("PUT /projects/{draft}", Who.OWNER, "status", "REGISTERED",
                        () -> new Call("PUT", "/projects/" + freshDraft(), design(verifier), null)),
                smuggle("POST /projects/{applied}/rejection", Who.ADMINISTRATOR, "status", "REGISTERED",
                        () -> act(applied(owner), "rejection", REASON)),
                smuggle("POST /projects/{applied}/rejection", Who.ADMINISTRATOR, "decidedBy", owner,
                        () -> act(applied(owner), "rejection", REASON)),
                smuggle("POST /projects/{registered}/suspension", Who.ADMINISTRATOR, "status", "REVOKED",
                        () -> act(id(registeredProject(owner)), "suspension", REASON)),
                smuggle("POST /participants", Who.ADMINISTRATOR, "accountId", ownerAccount,
                        this::registerAFreshSubject),
                smuggle("POST /participants", Who.ADMINISTRATOR, "id", owner, this::registerAFreshSubject),
                smuggle("POST /accounts/{owner's}/retirements", Who.OWNER, "serials",
                        List.of(Map.of("serial", "CCER-P000001-2024-1-1", "first", 1, "last", 1, "quantity", 1)),
                        () -> retire(ownerAccount)),
                smuggle("POST /accounts/{owner's}/retirements", Who.OWNER, "holderId", other,
                        () -> retire(ownerAccount)),
                smuggle("POST /accounts/{owner's}/retirements", Who.OWNER, "accountId", otherAccount,
                        () -> retire(ownerAccount)),
                smuggle("POST /accounts/{owner's}/retirements", Who.OWNER, "retiredAt", "2020-01-01T00:00:00Z",
                        () -> retire(ownerAccount)),
                smuggle("POST /accounts/{owner's}/transfers", Who.OWNER, "fromAccountId", otherAccount,
                        () -> transfer(ownerAccount)),
                smuggle("POST /accounts/{owner's}/transfers", Who.OWNER, "serials",
                        List.of(Map.of("first", 1, "last", 1)), () -> transfer(ownerAccount)),
                smuggle("POST /accounts/{owner's}/cancellations", Who.OWNER, "kind", "REVOCATION",
                        () -> cancel(ownerAccount)),
                smuggle("POST /reversals", Who.ADMINISTRATOR, "bufferCancelled", 0, this::recordAReversal),
                smuggle("POST /reversals", Who.ADMINISTRATOR, "madeGoodCredits", 1000, this::recordAReversal),
                smuggle("POST /pledges", Who.OWNER, "state", "RELEASED",
                        () -> new Call("POST", "/pledges", pledgeOf(1), null)),
                smuggle("POST /pledges", Who.OWNER, "pledgorId", other,
                        () -> new Call("POST", "/pledges", pledgeOf(1), null)),
                smuggle("POST /pledges", Who.OWNER, "outstanding", 0,
                        () -> new Call("POST", "/pledges", pledgeOf(1), null)),
                smuggle("POST /pledges/{active}/releases", Who.LENDER, "state", "RELEASED",
                        () -> onPledge(freshPledge(), "releases", Map.of("quantity", 1))));
    }

    @TestFactory
    Stream<DynamicTest> requestBodiesCannotSetServerOwnedFields() {
        return smuggled().stream().map(s -> dynamicTest(s.endpoint() + " with \"" + s.field() + "\" as " + s.who().label
                + " -> 400 naming the field, nothing applied", () -> {
            Call call = s.call().get();
            Map<String, String> before = visible(call);
            ApiClient.Response response = caller(s.who(), null).send(call.method(), call.path(), call.body());

            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.json().path("errors").findValuesAsString("field")).as(response.body())
                    .containsExactly(s.field());
            assertUnchanged(before, visible(call), call);
        }));
    }

    @TestFactory
    Stream<DynamicTest> aRegistrationIgnoresABodyThatNamesAnotherDecision() {
        return Stream.of(dynamicTest("POST /projects/{applied}/registration with {status: REJECTED, decidedBy: owner}"
                + " -> registered by the administrator", () -> {
            UUID applied = applied(owner);
            JsonNode registered = admin().post("/projects/" + applied + "/registration", Map.of(
                    "status", "REJECTED", "decidedBy", owner, "rejectionReason", "smuggled")).expect(200);
            JsonNode seen = api().get("/projects/" + applied).expect(200);
            for (JsonNode project : List.of(registered, seen)) {
                assertThat(project.get("status").asString()).isEqualTo("REGISTERED");
                assertThat(project.get("decidedBy").asString()).isEqualTo(ADMINISTRATOR.toString());
                assertThat(project.get("rejectionReason").isNull()).as(project.toString()).isTrue();
            }
        }));
    }

    // ---------------------------------------------------------------------------------------------
    // Callers and tokens

    private ApiClient caller(Who who, Expect expect) {
        boolean administratorOnly = expect != null && expect.administratorOnly();
        boolean lenderOnly = expect != null && expect.lenderOnly();
        UUID entitled = administratorOnly ? ADMINISTRATOR : lenderOnly ? lender : owner;
        String entitledRole = administratorOnly ? ADMINISTRATOR_ROLE : lenderOnly ? "LENDER" : "PROJECT_OWNER";
        return switch (who) {
            case OWNER -> api().as(owner, "PROJECT_OWNER");
            case OTHER -> api().as(other, "TRADER");
            case VERIFIER -> api().as(verifier, "VERIFIER");
            case LENDER -> api().as(lender, "LENDER");
            case ADMINISTRATOR -> admin();
            case OTHER_CLAIMING_EVERY_ROLE -> api().as(other, EVERY_ROLE);
            case UNREGISTERED -> api().as(unregistered, EVERY_ROLE);
            case NO_TOKEN -> api();
            case EXPIRED -> api().withToken(TestTokens.expired(entitled, entitledRole));
            case OTHER_AUDIENCE -> api().withToken(TestTokens.forAnotherAudience(entitled, entitledRole));
            case OTHER_ISSUER -> api().withToken(TestTokens.fromAnotherIssuer(entitled, entitledRole));
            case OTHER_KEY -> api().withToken(TestTokens.signedByAnotherKey(entitled, entitledRole));
            case TAMPERED -> api().withToken(TestTokens.tampered(other, "TRADER"));
            case FORGED_SUBJECT -> api().withToken(rewritten(TestTokens.forParticipant(other, "TRADER"), entitled,
                    entitledRole));
            case UNSIGNED -> api().withToken(unsigned(TestTokens.forParticipant(entitled, entitledRole)));
            case MALFORMED -> api().withToken("not-a-jwt");
        };
    }

    /** A valid token whose payload was rewritten to name another subject and role, keeping the old signature. */
    private static String rewritten(String token, UUID subject, String role) {
        String[] parts = token.split("\\.");
        ObjectNode payload = (ObjectNode) JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]),
                StandardCharsets.UTF_8));
        payload.put("sub", subject.toString());
        payload.putArray("roles").add(role);
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(JSON.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    /** The token's claims under the header {@code {"alg":"none"}} and without a signature. */
    private static String unsigned(String token) {
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + token.split("\\.")[1] + ".";
    }

    // ---------------------------------------------------------------------------------------------
    // What a user can see

    /**
     * What users can see that any refused call of the table might have changed: the disclosures, both
     * participants' holdings as their holders see them, and the object the call acts on.
     */
    private Map<String, String> visible(Call call) {
        Map<String, String> seen = new LinkedHashMap<>();
        seen.put("projects", projects("/projects?limit=500"));
        seen.put("owner's projects", projects("/projects?limit=500&ownerId=" + owner));
        seen.put("other's projects", projects("/projects?limit=500&ownerId=" + other));
        seen.put("registered project", api().get("/projects/" + project).expect(200).toString());
        seen.put("issuances", total("/issuances?limit=1"));
        seen.put("retirements", total("/retirements?limit=1"));
        seen.put("cancellations", api().get("/cancellations?limit=500&projectId=" + project).expect(200).toString());
        seen.put("buffer pool", api().get("/ledger/buffer-pool").expect(200).toString());
        // the administrator's check of now, without the time it ran
        JsonNode ledger = admin().get("/ledger/check?projectId=" + project).expect(200);
        seen.put("ledger", ledger.get("sound") + " " + ledger.get("balances") + " " + ledger.get("violations"));
        seen.put("owner's account", api().as(owner).get("/accounts/" + ownerAccount).expect(200).toString());
        seen.put("other's account", api().as(other).get("/accounts/" + otherAccount).expect(200).toString());
        seen.put("pledges", api().get("/pledges?limit=500&projectId=" + project).expect(200).toString());
        if (call.alsoVisible() != null) {
            seen.put("the object of the call", String.valueOf(call.alsoVisible().get()));
        }
        return seen;
    }

    /** The public project list, which has no total: its items (in one page while there are fewer than 500). */
    private String projects(String publicList) {
        return api().get(publicList).expect(200).get("items").toString();
    }

    private String total(String publicList) {
        return api().get(publicList).expect(200).get("total").toString();
    }

    private long available(UUID account) {
        long total = 0;
        for (JsonNode h : api().as(owner).get("/accounts/" + account).expect(200).get("holdings")) {
            total += h.get("available").asLong();
        }
        return total;
    }

    // ---------------------------------------------------------------------------------------------
    // Requests

    private static Row row(int owner, int other, int verifier, int administrator, int claimsEveryRole,
            int unregistered, int noToken, int invalidToken, String endpoint, Supplier<Call> call) {
        return new Row(endpoint, call, new Expect(owner, other, verifier, other, administrator, claimsEveryRole,
                unregistered, noToken, invalidToken));
    }

    /** A row of the pledges, where the lender has a column of its own. */
    private static Row pledgeRow(int owner, int other, int verifier, int lender, int administrator,
            int claimsEveryRole, int unregistered, int noToken, int invalidToken, String endpoint,
            Supplier<Call> call) {
        return new Row(endpoint, call, new Expect(owner, other, verifier, lender, administrator, claimsEveryRole,
                unregistered, noToken, invalidToken));
    }

    private static Smuggled smuggle(String endpoint, Who who, String field, Object value, Supplier<Call> call) {
        return new Smuggled(endpoint, who, () -> withField(call.get(), field, value), field);
    }

    private static Call withField(Call call, String field, Object value) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = new HashMap<>((Map<String, Object>) call.body());
        body.put(field, value);
        return new Call(call.method(), call.path(), body, call.alsoVisible());
    }

    private Call editAMethodology() {
        return new Call("PUT", "/methodologies/DRAFT-FARMLAND-V01", Map.of("status", "PILOT", "bufferRate", 0.2),
                () -> api().get("/methodologies/DRAFT-FARMLAND-V01").body());
    }

    private static Call get(String path) {
        return new Call("GET", path, null, null);
    }

    /** A fresh subject to register; afterwards, whether it is a participant, as the administrator sees it. */
    private Call registerAFreshSubject() {
        UUID subject = UUID.randomUUID();
        return new Call("POST", "/participants", Map.of("subject", subject, "name", "Xiamen Mangrove Trust",
                "role", "PROJECT_OWNER"), () -> admin().get("/participants/" + subject).status());
    }

    private Call draftAProject() {
        return new Call("POST", "/projects", design(verifier), null);
    }

    /** An act on a project; what a user can see of it is the project, and its comments. */
    private Call act(UUID projectId, String act, Object body) {
        return new Call("POST", "/projects/" + projectId + "/" + act, body,
                () -> api().get("/projects/" + projectId) + " " + api().get("/projects/" + projectId + "/comments"));
    }

    /** A retirement of one credit; holdings, retirements and the ledger are always part of what is seen. */
    private Call retire(UUID account) {
        return new Call("POST", "/accounts/" + account + "/retirements", retirementOf(1), null);
    }

    /** A transfer of one credit to the other participant's account. */
    private Call transfer(UUID account) {
        return new Call("POST", "/accounts/" + account + "/transfers", Map.of("toAccountId", otherAccount,
                "projectId", project, "vintage", VINTAGE, "quantity", 1), null);
    }

    private Call cancel(UUID account) {
        return new Call("POST", "/accounts/" + account + "/cancellations", Map.of("projectId", project,
                "vintage", VINTAGE, "quantity", 1, "reason", "Moved to another programme"), null);
    }

    /** A pledge of {@code quantity} of the owner's credits to the table's lender. */
    private Map<String, Object> pledgeOf(long quantity) {
        return Map.ofEntries(Map.entry("kind", "CREDITS"), Map.entry("accountId", ownerAccount),
                Map.entry("projectId", project), Map.entry("vintage", VINTAGE), Map.entry("quantity", quantity),
                Map.entry("lenderId", lender), Map.entry("loanReference", "IB-FZ-2026-7"),
                Map.entry("securedAmount", "50000.00"), Map.entry("currency", "CNY"),
                Map.entry("maturityDate", "2027-12-31"));
    }

    private UUID freshPledge() {
        return id(api().as(owner, "PROJECT_OWNER").post("/pledges", pledgeOf(1)).expect(201));
    }

    private UUID enforcementRequested() {
        UUID fresh = freshPledge();
        api().as(lender, "LENDER").post("/pledges/" + fresh + "/enforcement-request",
                Map.of("reason", "EVENT_OF_DEFAULT", "description", "Instalment unpaid")).expect(200);
        return fresh;
    }

    /** An act on a pledge; what a user can see of it is the pledge as its lender sees it. */
    private Call onPledge(UUID pledgeId, String act, Object body) {
        return new Call("POST", "/pledges/" + pledgeId + "/" + act, body,
                () -> api().as(lender, "LENDER").get("/pledges/" + pledgeId).body());
    }

    /** A loss of one tCO2e; the project's reversals are part of what is seen. */
    private Call recordAReversal() {
        return new Call("POST", "/reversals", Map.of("projectId", project, "lossDate", "2025-03-01",
                "cause", "Windthrow", "lossCredits", 1), () -> api().get("/reversals?projectId=" + project).body());
    }

    private Map<String, Object> retirementOf(long quantity) {
        return Map.of("projectId", project, "vintage", VINTAGE, "quantity", quantity,
                "beneficiary", "Fuzhou Metro Line 6", "purpose", "COMPLIANCE_OFFSET",
                "note", "2024 construction emissions");
    }

    /** A draft of the owner, validated (once disclosed) by the table's verifier. */
    private UUID freshDraft() {
        return id(draftedProject(owner, verifier));
    }

    private UUID freshDisclosure() {
        UUID draft = freshDraft();
        owner(owner).post("/projects/" + draft + "/disclosure", null).expect(200);
        return draft;
    }

    private UUID validated() {
        UUID project = inValidation(owner, verifier);
        api().as(verifier, "VERIFIER").post("/projects/" + project + "/validation-report",
                Map.of("positive", true, "summary", "Conforms to CCER-14-001-V01")).expect(201);
        return project;
    }

    private UUID suspended() {
        UUID project = id(registeredProject(owner));
        admin().post("/projects/" + project + "/suspension", REASON).expect(200);
        return project;
    }

    private static UUID accountId(JsonNode participant) {
        return UUID.fromString(participant.get("accountId").asString());
    }
}
