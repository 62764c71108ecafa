package org.carbonsink.localstack;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.ApiClient.Response;
import org.carbonsink.testsupport.TokenClient;
import tools.jackson.databind.JsonNode;

/**
 * The whole lifecycle of a sink credit, step by step, through the gateway as its users would
 * call it, each with a token from the authorization server: participants, project registration,
 * a verified monitoring report, issuance, a sell order held by the registry, a crossing buy,
 * settlement, and a retirement. The demo prints each step; the end-to-end test asserts after each.
 */
public final class Lifecycle {

    /** Subjects of the authorization server's seeded users (docs/identity.md). */
    public static final UUID REGISTRY_ADMINISTRATOR = UUID.fromString("00000000-0000-0000-0000-00000000a001");
    public static final UUID OWNER = UUID.fromString("10000000-0000-0000-0000-000000000001");
    public static final UUID VERIFIER = UUID.fromString("10000000-0000-0000-0000-000000000002");
    public static final UUID TRADER = UUID.fromString("10000000-0000-0000-0000-000000000004");
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    /** Who plays which part. */
    public record Cast(UUID owner, UUID ownerAccount, UUID validator, UUID verifier, UUID buyer, UUID buyerAccount) {
    }

    private final ApiClient gateway;
    private final String authServer;
    private final Consumer<String> out;
    private final Map<UUID, String> tokens = new HashMap<>();

    public Lifecycle(ApiClient gateway, String authServer, Consumer<String> out) {
        this.gateway = gateway;
        this.authServer = authServer;
        this.out = out;
    }

    /** Runs every step and prints what each one shows. */
    public void run() {
        out.accept("\n== Demo: the lifecycle of a forest sink credit, through " + "the gateway ==");
        Cast cast = registerParticipants();
        JsonNode applied = applyForRegistration(cast);
        UUID projectId = id(applied);
        JsonNode registered = registerProject(projectId);
        awaitProjectKnownToVerification(projectId);
        JsonNode report = submitReport(cast, projectId);
        approveReport(cast, id(report));
        JsonNode issuance = awaitIssuance(projectId);
        String instrument = registered.get("code").asString() + "-" + issuance.get("vintage").asInt();
        awaitInstrument(instrument);
        deposit(cast.buyer(), "100000.00");
        JsonNode sell = placeOrder(cast.owner(), instrument, "SELL", 1000, "85.50");
        awaitOrder(cast.owner(), id(sell), "OPEN");
        placeOrder(cast.buyer(), instrument, "BUY", 400, "90.00");
        awaitSettledTrade(instrument);
        cashAccount(cast.owner());
        cashAccount(cast.buyer());
        account(cast.owner(), cast.ownerAccount());
        account(cast.buyer(), cast.buyerAccount());
        retire(cast, projectId, issuance.get("vintage").asInt(), 150);
        ledgerCheck(projectId);
        out.accept("== Demo complete ==\n");
    }

    /** Logs the seeded users in and has the administrator register them as participants. */
    public Cast registerParticipants() {
        out.accept("0. Users log in at the authorization server (authorization code with PKCE)");
        tokens.put(REGISTRY_ADMINISTRATOR, TokenClient.login(authServer, "admin", "admin-password"));
        tokens.put(OWNER, TokenClient.login(authServer, "owner", "owner-password"));
        tokens.put(VERIFIER, TokenClient.login(authServer, "verifier", "verifier-password"));
        tokens.put(TRADER, TokenClient.login(authServer, "trader", "trader-password"));
        JsonNode owner = participant(OWNER, "Qiandongnan Forestry Co.", "PROJECT_OWNER");
        // the body that validated the project design; it has no login in this demo
        JsonNode validator = participant(UUID.randomUUID(), "China Quality Certification Centre (validation)",
                "VERIFIER");
        JsonNode verifier = participant(VERIFIER, "China Environmental United Certification Center", "VERIFIER");
        JsonNode buyer = participant(TRADER, "Hangzhou Green Logistics Co., Ltd.", "TRADER");
        return new Cast(id(owner), uuid(owner, "accountId"), id(validator), id(verifier), id(buyer),
                uuid(buyer, "accountId"));
    }

    /** The gateway, with the participant's token. */
    public ApiClient as(UUID participant) {
        String token = tokens.get(participant);
        if (token == null) {
            throw new IllegalStateException("no token for participant " + participant);
        }
        return gateway.withToken(token);
    }

    public JsonNode applyForRegistration(Cast cast) {
        return step("1. The owner applies to register an afforestation project",
                as(cast.owner()).post("/api/registry/projects", Map.of(
                        "name", "Qiandongnan Chinese fir afforestation", "methodologyCode", "CCER-14-001-V01",
                        "ecosystemType", "FOREST", "province", "Guizhou", "areaHectares", 100,
                        "validatorId", cast.validator())), 201, "code", "status");
    }

    public JsonNode registerProject(UUID projectId) {
        return step("1. The registry administrator registers it (ProjectRegistered goes out)",
                as(REGISTRY_ADMINISTRATOR).post("/api/registry/projects/" + projectId + "/registration", null),
                200, "code", "status", "bufferRate");
    }

    public JsonNode awaitProjectKnownToVerification(UUID projectId) {
        return eventually("2. The verification service has the registered project",
                () -> gateway.get("/api/verification/projects/" + projectId), r -> r.status() == 200, "code");
    }

    public JsonNode submitReport(Cast cast, UUID projectId) {
        return step("2. The owner submits a monitoring report (100 ha of Chinese fir, 20 -> 80 m3/ha)",
                as(cast.owner()).post("/api/verification/reports", Map.of(
                        "projectId", projectId, "periodStart", "2021-01-01", "periodEnd", "2025-12-31",
                        "verifierId", cast.verifier(), "relativeUncertaintyPercent", 8,
                        "strata", List.of(Map.of("species", "CHINESE_FIR", "areaHectares", 100,
                                "volumeStartPerHectare", 20, "volumeEndPerHectare", 80)))),
                201, "status", "netRemovals", "verifiedCredits", "bufferCredits", "vintage");
    }

    public JsonNode approveReport(Cast cast, UUID reportId) {
        return step("2. The verifier approves it (MonitoringReportVerified goes out)",
                as(cast.verifier()).post("/api/verification/reports/" + reportId + "/decision",
                        Map.of("decision", "APPROVE", "comment", "Plots re-measured; estimates conservative")),
                200, "status");
    }

    public JsonNode awaitIssuance(UUID projectId) {
        JsonNode page = eventually("3. The registry issues serialized credits",
                () -> gateway.get("/api/registry/issuances?projectId=" + projectId),
                r -> r.status() == 200 && r.json().get("total").asLong() == 1, null);
        JsonNode issuance = page.get("items").get(0);
        print(issuance, "verifiedCredits", "ownerQuantity", "bufferQuantity", "ownerSerials", "bufferSerials");
        return issuance;
    }

    public JsonNode awaitInstrument(String instrumentId) {
        return eventually("4. The exchange lists the instrument " + instrumentId,
                () -> gateway.get("/api/trading/instruments/" + instrumentId), r -> r.status() == 200,
                "issuedQuantity");
    }

    public JsonNode deposit(UUID participant, String amount) {
        return step("4. The buyer deposits cash",
                as(participant).post("/api/trading/cash-accounts/" + participant + "/deposits",
                        Map.of("amount", amount)), 201, "balance", "available");
    }

    public JsonNode placeOrder(UUID participant, String instrumentId, String side, long quantity, String price) {
        return step("4. A " + side + " order of " + quantity + " t at " + price + " CNY",
                as(participant).post("/api/trading/orders", Map.of("instrumentId", instrumentId,
                        "side", side, "quantity", quantity, "limitPrice", price)), 201, "status", "reservedCash");
    }

    public JsonNode awaitOrder(UUID participant, UUID orderId, String status) {
        return eventually("4. The registry holds the credits; the sell order opens",
                () -> as(participant).get("/api/trading/orders/" + orderId),
                r -> r.status() == 200 && r.json().get("status").asString().equals(status), "status");
    }

    public JsonNode awaitSettledTrade(String instrumentId) {
        JsonNode page = eventually("4. The orders cross; the registry delivers; the cash moves; the trade settles",
                () -> gateway.get("/api/trading/trades?instrumentId=" + instrumentId),
                r -> r.status() == 200 && r.json().get("total").asLong() >= 1
                        && r.json().get("items").get(0).get("status").asString().equals("SETTLED"),
                null);
        JsonNode trade = page.get("items").get(0);
        print(trade, "quantity", "price", "amount", "status");
        return trade;
    }

    public JsonNode cashAccount(UUID participant) {
        return step("   cash account of " + participant,
                as(participant).get("/api/trading/cash-accounts/" + participant), 200, "balance", "reserved");
    }

    public JsonNode account(UUID holder, UUID accountId) {
        return step("   registry account " + accountId,
                as(holder).get("/api/registry/accounts/" + accountId), 200, "holdings");
    }

    public JsonNode retire(Cast cast, UUID projectId, int vintage, long quantity) {
        return step("5. The buyer retires " + quantity + " t for a named beneficiary",
                as(cast.buyer()).post("/api/registry/accounts/" + cast.buyerAccount() + "/retirements",
                        Map.of("projectId", projectId, "vintage", vintage, "quantity", quantity,
                                "beneficiary", "Hangzhou Green Logistics Co., Ltd.",
                                "purpose", "Voluntary offset of 2025 fleet emissions")),
                201, "quantity", "beneficiary", "serials");
    }

    public JsonNode ledgerCheck(UUID projectId) {
        return step("5. The ledger balances: issued = available + held + retired + cancelled + buffer",
                gateway.get("/api/registry/ledger/check?projectId=" + projectId), 200, "sound", "balances");
    }

    private JsonNode participant(UUID subject, String name, String role) {
        ApiClient admin = as(REGISTRY_ADMINISTRATOR);
        Response registered = admin.post("/api/registry/participants",
                Map.of("subject", subject, "name", name, "role", role));
        if (registered.status() == 409) {
            // registered by an earlier run on the same databases
            return step("0. " + role + " " + name + " is registered already",
                    admin.get("/api/registry/participants/" + subject), 200, "id", "accountId");
        }
        return step("0. The administrator registers " + role + " " + name, registered, 201, "id", "accountId");
    }

    private JsonNode step(String title, Response response, int expectedStatus, String... shown) {
        out.accept(title);
        JsonNode body = response.expect(expectedStatus);
        print(body, shown);
        return body;
    }

    private JsonNode eventually(String title, Supplier<Response> call, Predicate<Response> done, String shown) {
        out.accept(title);
        Instant deadline = Instant.now().plus(EVENTUALLY);
        Response last = null;
        while (Instant.now().isBefore(deadline)) {
            last = call.get();
            if (done.test(last)) {
                if (shown != null) {
                    print(last.json(), shown);
                }
                return last.json();
            }
            pause();
        }
        throw new AssertionError(title + ": not done within " + EVENTUALLY + "; last answer " + last);
    }

    private void print(JsonNode body, String... fields) {
        for (String field : fields) {
            out.accept("     " + field + ": " + body.get(field));
        }
    }

    private static void pause() {
        try {
            Thread.sleep(150);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static UUID id(JsonNode node) {
        return uuid(node, "id");
    }

    static UUID uuid(JsonNode node, String field) {
        return UUID.fromString(node.get(field).asString());
    }
}
