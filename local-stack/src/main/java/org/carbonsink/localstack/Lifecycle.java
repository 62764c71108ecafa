package org.carbonsink.localstack;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.ApiClient.Response;
import org.carbonsink.testsupport.TokenClient;
import tools.jackson.databind.JsonNode;

/**
 * The whole lifecycle of a sink credit, step by step, through the gateway as its users would
 * call it, each with a token from the authorization server: participants; a project drafted,
 * publicly disclosed (with a public comment), validated, applied for and registered; a monitoring
 * report submitted, disclosed and verified; issuance per vintage; a sell order held by the registry,
 * a crossing buy and settlement; a transfer; a retirement; a reversal that cancels buffer credits.
 * The demo prints each step; the end-to-end test asserts after each.
 *
 * <p>The disclosure windows are shortened by {@link #SHORT_WINDOWS} (the rules' 20 working days
 * stay the defaults everywhere else).
 */
public final class Lifecycle {

    /** Subjects of the authorization server's seeded users (docs/identity.md). */
    public static final UUID REGISTRY_ADMINISTRATOR = UUID.fromString("00000000-0000-0000-0000-00000000a001");
    public static final UUID OWNER = UUID.fromString("10000000-0000-0000-0000-000000000001");
    public static final UUID VERIFIER = UUID.fromString("10000000-0000-0000-0000-000000000002");
    public static final UUID VALIDATOR = UUID.fromString("10000000-0000-0000-0000-000000000003");
    public static final UUID TRADER = UUID.fromString("10000000-0000-0000-0000-000000000004");
    public static final UUID OPERATOR = UUID.fromString("10000000-0000-0000-0000-000000000005");
    /** The vintage the demo trades: the report covers 2022 to 2025, one issuance per year. */
    public static final int VINTAGE = 2025;
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    /**
     * Settings for a demonstration that cannot wait 20 working days twice: the project's disclosure
     * lasts 5 seconds of real time, the monitoring report's none, and the exchange takes
     * participants' own deposits (the {@code demo} profile). Never for a real registry.
     */
    public static final List<String> SHORT_WINDOWS = List.of(
            "--carbonsink.projects.disclosure-shortened-to=PT5S",
            "--carbonsink.projects.disclosure-check=PT1S",
            "--carbonsink.verification.disclosure-working-days=0",
            "--spring.profiles.active=demo");

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
        Listed listed = listCredits(cast);
        UUID projectId = listed.projectId();
        String instrument = listed.instrumentId();
        deposit(cast.buyer(), "100000.00");
        JsonNode sell = placeOrder(cast.owner(), instrument, "SELL", 1000, "85.50");
        awaitOrder(cast.owner(), id(sell), "OPEN");
        placeOrder(cast.buyer(), instrument, "BUY", 400, "90.00");
        awaitSettledTrade(instrument);
        cashAccount(cast.owner());
        cashAccount(cast.buyer());
        transfer(cast, projectId, 100);
        retire(cast, projectId, VINTAGE, 150);
        cancelOrder(cast.owner(), id(sell));
        new PledgeDemo(gateway, authServer, out).run(cast.ownerAccount(), projectId, VINTAGE, 100);
        recordReversal(projectId, 50);
        supply(projectId);
        ledgerCheck(projectId);
        auditStatus();
        out.accept("== Demo complete: open " + gateway.baseUrl() + "/ for the public explorer ==\n");
    }

    /** A project whose credits of {@link #VINTAGE} are issued to the owner and listed on the exchange. */
    public record Listed(UUID projectId, String instrumentId) {
    }

    /** From a drafted project to credits issued and listed: steps 1 to 4 up to the first order. */
    public Listed listCredits(Cast cast) {
        UUID projectId = id(draftProject(cast));
        openDisclosure(cast, projectId);
        commentPublicly(projectId);
        fileValidationReport(cast, projectId);
        applyForRegistration(cast, projectId);
        JsonNode registered = registerProject(projectId);
        awaitProjectKnownToVerification(projectId);
        UUID reportId = id(submitReport(cast, projectId));
        discloseReport(cast, reportId);
        startVerification(cast, reportId);
        approveReport(cast, reportId);
        awaitIssuances(projectId, 4);
        String instrument = registered.get("code").asString() + "-" + VINTAGE;
        awaitInstrument(instrument);
        return new Listed(projectId, instrument);
    }

    /** Logs the seeded users in and has the administrator register them as participants. */
    public Cast registerParticipants() {
        out.accept("0. Users log in at the authorization server (authorization code with PKCE)");
        tokens.put(REGISTRY_ADMINISTRATOR, TokenClient.login(authServer, "admin", "admin-password"));
        tokens.put(OWNER, TokenClient.login(authServer, "owner", "owner-password"));
        tokens.put(VERIFIER, TokenClient.login(authServer, "verifier", "verifier-password"));
        tokens.put(VALIDATOR, TokenClient.login(authServer, "validator", "validator-password"));
        tokens.put(TRADER, TokenClient.login(authServer, "trader", "trader-password"));
        tokens.put(OPERATOR, TokenClient.login(authServer, "operator", "operator-password"));
        JsonNode owner = participant(OWNER, "Qiandongnan Forestry Co.", "PROJECT_OWNER");
        JsonNode validator = participant(VALIDATOR, "China Quality Certification Centre (validation)", "VERIFIER");
        JsonNode verifier = participant(VERIFIER, "China Environmental United Certification Center", "VERIFIER");
        JsonNode buyer = participant(TRADER, "Hangzhou Green Logistics Co., Ltd.", "TRADER");
        return new Cast(id(owner), uuid(owner, "accountId"), id(validator), id(verifier), id(buyer),
                uuid(buyer, "accountId"));
    }

    /** The participant's access token, once {@link #registerParticipants} has logged it in. */
    public String token(UUID participant) {
        String token = tokens.get(participant);
        if (token == null) {
            throw new IllegalStateException("no token for participant " + participant);
        }
        return token;
    }

    /** The gateway, with the participant's token. */
    public ApiClient as(UUID participant) {
        return gateway.withToken(token(participant));
    }

    /**
     * The project's design: about 100 ha of Chinese fir in Liping county, Guizhou, with its boundary.
     * Each run claims its own square of land (a run on databases kept from an earlier run must not
     * claim the same land twice).
     */
    public static Map<String, Object> design(UUID validator) {
        double west = 109.0 + 0.02 * ThreadLocalRandom.current().nextInt(0, 50);
        double south = 26.0 + 0.02 * ThreadLocalRandom.current().nextInt(0, 25);
        double east = west + 0.01;
        double north = south + 0.009;
        return Map.ofEntries(Map.entry("name", "Qiandongnan Chinese fir afforestation"),
                Map.entry("methodologyCode", "CCER-14-001-V01"), Map.entry("methodologyVersion", "V01"),
                Map.entry("ecosystemType", "FOREST"), Map.entry("province", "Guizhou"), Map.entry("county", "Liping"),
                Map.entry("areaHectares", 100), Map.entry("constructionStart", "2021-03-01"),
                Map.entry("creditingPeriodStart", "2021-03-01"), Map.entry("creditingPeriodEnd", "2051-02-28"),
                Map.entry("validatorId", validator),
                Map.entry("risk", Map.of("internal", 4, "external", 3, "natural", 3)),
                Map.entry("boundary", Map.of("type", "Polygon", "coordinates", List.of(List.of(
                        List.of(west, south), List.of(east, south), List.of(east, north),
                        List.of(west, north), List.of(west, south))))));
    }

    public JsonNode draftProject(Cast cast) {
        return step("1. The owner drafts an afforestation project: design, validator, risk rating, boundary",
                as(cast.owner()).post("/api/registry/projects", design(cast.validator())), 201, "code", "status",
                "bufferRate", "boundaryHectares");
    }

    public JsonNode openDisclosure(Cast cast, UUID projectId) {
        return step("1. The owner opens the public disclosure (20 working days; shortened for this demo)",
                as(cast.owner()).post("/api/registry/projects/" + projectId + "/disclosure", null), 200, "status",
                "disclosure");
    }

    public JsonNode commentPublicly(UUID projectId) {
        return step("1. Anyone comments, without a token",
                gateway.post("/api/registry/projects/" + projectId + "/comments", Map.of("author", "Li Wei",
                        "body", "The county forestry bureau confirms the land was barren hillside since 2015.")),
                201, "body");
    }

    public JsonNode fileValidationReport(Cast cast, UUID projectId) {
        return eventually("1. After the window, the validator files a positive validation report",
                () -> as(cast.validator()).post("/api/registry/projects/" + projectId + "/validation-report",
                        Map.of("positive", true, "summary", "Conforms to CCER-14-001-V01: eligible land, "
                                + "additional, boundary surveyed")),
                r -> r.status() == 201, "positive");
    }

    public JsonNode applyForRegistration(Cast cast, UUID projectId) {
        return step("1. The owner applies for registration (the registry decides within 15 working days)",
                as(cast.owner()).post("/api/registry/projects/" + projectId + "/application", null), 200, "status",
                "decisionDue");
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
        return step("2. The owner submits a monitoring report for 2022-2025 (100 ha of Chinese fir, 20 -> 80 m3/ha)",
                as(cast.owner()).post("/api/verification/reports", Map.of(
                        "projectId", projectId, "periodStart", "2022-01-01", "periodEnd", "2025-12-31",
                        "verifierId", cast.verifier(), "relativeUncertaintyPercent", 8,
                        "strata", List.of(Map.of("species", "CHINESE_FIR", "areaHectares", 100,
                                "volumeStartPerHectare", 20, "volumeEndPerHectare", 80)))),
                201, "status", "netRemovals", "verifiedCredits", "bufferCredits");
    }

    public JsonNode discloseReport(Cast cast, UUID reportId) {
        return step("2. The owner discloses the report with the verifier's name (20 working days; none in this demo)",
                as(cast.owner()).post("/api/verification/reports/" + reportId + "/disclosure", Map.of()), 200,
                "status");
    }

    public JsonNode startVerification(Cast cast, UUID reportId) {
        return step("2. The verifier takes the report up",
                as(cast.verifier()).post("/api/verification/reports/" + reportId + "/verification", Map.of()), 200,
                "status");
    }

    public JsonNode approveReport(Cast cast, UUID reportId) {
        return step("2. The verifier approves it (MonitoringReportVerified goes out with the vintage split)",
                as(cast.verifier()).post("/api/verification/reports/" + reportId + "/decision",
                        Map.of("decision", "APPROVE", "comment", "Plots re-measured; estimates conservative")),
                200, "status", "vintages");
    }

    public JsonNode awaitIssuances(UUID projectId, int vintages) {
        JsonNode page = eventually("3. The registry issues serialized credits, one block set per vintage",
                () -> gateway.get("/api/registry/issuances?projectId=" + projectId),
                r -> r.status() == 200 && r.json().get("total").asLong() == vintages, null);
        for (JsonNode issuance : page.get("items")) {
            print(issuance, "vintage", "verifiedCredits", "ownerQuantity", "bufferQuantity", "ownerSerials");
        }
        return page;
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

    /** The operator sets an instrument's block trade rule (the default asks for 100,000 t, more than a demo holds). */
    public JsonNode setBlockTradeRule(String instrumentId, long minimumQuantity, String band) {
        return step("4. The exchange operator sets the block trade rule of " + instrumentId,
                as(OPERATOR).put("/api/trading/block-trade-rules/" + instrumentId, Map.of("minimumQuantity",
                        minimumQuantity, "band", band, "source", "demo: a block small enough for one project")),
                200, "minimumQuantity", "band", "referencePrice");
    }

    /** A block agreement (大宗协议): the seller offers the buyer credits off the book, the buyer accepts. */
    public JsonNode blockTrade(UUID seller, UUID buyer, String instrumentId, long quantity, String price) {
        JsonNode proposed = step("4. A block trade of " + quantity + " t at " + price + " CNY is proposed",
                as(seller).post("/api/trading/block-trades", Map.of("buyerId", buyer, "instrumentId", instrumentId,
                        "quantity", quantity, "price", price)), 201, "status");
        UUID id = id(proposed);
        eventually("4. The registry holds the block's credits", () -> as(seller).get("/api/trading/block-trades/" + id),
                r -> r.status() == 200 && r.json().get("status").asString().equals("PROPOSED"), "status");
        step("4. The buyer accepts the block trade", as(buyer).post("/api/trading/block-trades/" + id + "/acceptance",
                null), 200, "status", "tradeId");
        return eventually("4. The block trade settles and is published",
                () -> gateway.get("/api/trading/market/block-trades?instrumentId=" + instrumentId),
                r -> r.status() == 200 && r.body().contains(id.toString()) && r.json().get("items").findValuesAsString(
                        "tradeStatus").stream().allMatch("SETTLED"::equals), "items");
    }

    /**
     * A one-way auction (单向竞价) open for {@code window}: the seller offers credits at a floor price,
     * the buyer bids at each of {@code bids} (quantity, price), the exchange closes it once the
     * window has passed and publishes the result.
     */
    public JsonNode auction(UUID seller, UUID bidder, String instrumentId, long quantity, String floorPrice,
            Duration window, List<Map<String, Object>> bids) {
        JsonNode announced = step("4. A one-way auction of " + quantity + " t from " + floorPrice + " CNY",
                as(seller).post("/api/trading/auctions", Map.of("instrumentId", instrumentId, "quantity", quantity,
                        "floorPrice", floorPrice, "endsAt", Instant.now().plus(window).toString())), 201, "status");
        UUID id = id(announced);
        eventually("4. The registry holds the auction's credits", () -> as(seller).get("/api/trading/auctions/" + id),
                r -> r.status() == 200 && r.json().get("status").asString().equals("OPEN"), "status");
        for (Map<String, Object> bid : bids) {
            step("4. A bid", as(bidder).post("/api/trading/auctions/" + id + "/bids", bid), 201, "quantity", "price");
        }
        return eventually("4. The auction closes when its window ends; the result is published",
                () -> gateway.get("/api/trading/market/auctions?instrumentId=" + instrumentId),
                r -> r.status() == 200 && r.body().contains(id.toString()), "items");
    }

    public JsonNode cashAccount(UUID participant) {
        return step("   cash account of " + participant,
                as(participant).get("/api/trading/cash-accounts/" + participant), 200, "balance", "reserved");
    }

    public JsonNode account(UUID holder, UUID accountId) {
        return step("   registry account " + accountId,
                as(holder).get("/api/registry/accounts/" + accountId), 200, "holdings");
    }

    public JsonNode transfer(Cast cast, UUID projectId, long quantity) {
        return step("5. The owner transfers " + quantity + " t of vintage " + VINTAGE + " to the buyer's account",
                as(cast.owner()).post("/api/registry/accounts/" + cast.ownerAccount() + "/transfers",
                        Map.of("toAccountId", cast.buyerAccount(), "projectId", projectId, "vintage", VINTAGE,
                                "quantity", quantity)),
                201, "quantity", "serials");
    }

    public JsonNode retire(Cast cast, UUID projectId, int vintage, long quantity) {
        return step("5. The buyer retires " + quantity + " t for a named beneficiary",
                as(cast.buyer()).post("/api/registry/accounts/" + cast.buyerAccount() + "/retirements",
                        Map.of("projectId", projectId, "vintage", vintage, "quantity", quantity,
                                "beneficiary", "Hangzhou Green Logistics Co., Ltd.", "purpose", "VOLUNTARY_OFFSET",
                                "note", "Voluntary offset of 2025 fleet emissions")),
                201, "quantity", "beneficiary", "purpose", "url", "serials");
    }

    public JsonNode cancelOrder(UUID participant, UUID orderId) {
        return step("5. The owner cancels the rest of its sell order; the registry returns the held credits",
                as(participant).post("/api/trading/orders/" + orderId + "/cancellation", null), 200, "status");
    }

    public JsonNode recordReversal(UUID projectId, long lossCredits) {
        return step("6. A fire burns " + lossCredits + " tCO2e: the administrator records the reversal; buffer credits "
                        + "are cancelled and issuance waits until the loss is made good",
                as(REGISTRY_ADMINISTRATOR).post("/api/registry/reversals", Map.of("projectId", projectId,
                        "lossDate", "2026-05-12", "cause", "Forest fire in compartment 12",
                        "lossCredits", lossCredits)),
                201, "bufferCancelled", "shortfall", "issuanceBlocked");
    }

    public JsonNode supply(UUID projectId) {
        return step("6. Supply per vintage: issued, available, held, retired, cancelled, buffer",
                gateway.get("/api/registry/ledger/supply?projectId=" + projectId), 200, "items");
    }

    public JsonNode ledgerCheck(UUID projectId) {
        // the administrator's check runs now; the public's is a summary up to 30 s old
        return step("6. The ledger balances: issued = available + held + retired + cancelled + buffer",
                as(REGISTRY_ADMINISTRATOR).get("/api/registry/ledger/check?projectId=" + projectId), 200, "sound",
                "balances");
    }

    public JsonNode auditStatus() {
        return step("6. The audit chain is intact (public)", gateway.get("/api/registry/audit/status"), 200,
                "intact", "entries", "headHash");
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
