package org.carbonsink.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.carbonsink.trading.AuthorizationMatrixIT.Who.ADMINISTRATOR;
import static org.carbonsink.trading.AuthorizationMatrixIT.Who.OPERATOR;
import static org.carbonsink.trading.AuthorizationMatrixIT.Who.OTHER_TRADER;
import static org.carbonsink.trading.AuthorizationMatrixIT.Who.OWNER;
import static org.carbonsink.trading.AuthorizationMatrixIT.Who.VERIFIER;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.carbonsink.contracts.CreditsHeld;
import org.carbonsink.contracts.Topics;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.TestEvents;
import org.carbonsink.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Who may call which endpoint (docs/identity.md), as a table of {caller, request, expected status},
 * with proof that every refused call changed nothing anyone can see: balances, reserved cash, the
 * orders and their status, the book, the trades.
 *
 * <p>One market is set up once: a listed instrument; the owner's cash account (1000.00, of which
 * 400.00 is reserved for its open buy of 10 @ 40.00); the owner's open sell of 10 @ 50.00, of which
 * another participant bought 4, which made one trade.
 *
 * <p>The invalid tokens all name the owner as subject (the tampered one also claims the
 * administrator role): being the owner does not help without a valid token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT extends TradingIntegration {

    /** The registry administrator seeded by the registry's first migration (docs/identity.md). */
    static final UUID ADMINISTRATOR_ID = UUID.fromString("00000000-0000-0000-0000-00000000a001");

    /** The callers of every request: five with a valid token, then six without one. */
    enum Who {
        /** Holds the cash account and placed both orders; role TRADER. */
        OWNER,
        /** Another participant with role TRADER. */
        OTHER_TRADER,
        VERIFIER,
        ADMINISTRATOR,
        /** Role EXCHANGE_OPERATOR: runs the exchange, yet sees no participant's cash or orders. */
        OPERATOR,
        NO_TOKEN,
        EXPIRED,
        OTHER_AUDIENCE,
        OTHER_ISSUER,
        OTHER_KEY,
        /** The owner's valid token with its payload changed to claim REGISTRY_ADMINISTRATOR. */
        TAMPERED;

        boolean hasValidToken() {
            return ordinal() <= OPERATOR.ordinal();
        }
    }

    static final Instant AN_HOUR_FROM_NOW = Instant.now().plusSeconds(3600);

    Listed instrument;
    UUID owner;
    /** The owner's block trade to the other trader, awaiting acceptance; and another awaiting its hold. */
    UUID blockTrade;
    UUID pendingBlockTrade;
    /** The owner's auction, open for bids. */
    UUID auction;
    UUID sellOrder;
    UUID buyOrder;
    UUID trade;
    /** Bought 4 of the owner's sell order. */
    UUID taker;
    final Map<Who, UUID> participants = new EnumMap<>(Who.class);

    @BeforeAll
    void oneMarket() {
        instrument = listInstrument(1000);
        owner = trader();
        participants.put(OWNER, owner);
        participants.put(OTHER_TRADER, trader());
        participants.put(VERIFIER, registered("VERIFIER"));
        register(ADMINISTRATOR_ID, "REGISTRY_ADMINISTRATOR");
        participants.put(ADMINISTRATOR, ADMINISTRATOR_ID);
        participants.put(OPERATOR, registered("EXCHANGE_OPERATOR"));

        deposit(owner, "1000.00");
        sellOrder = sellWithCreditsHeld(owner, instrument, 10, "50.00");
        buyOrder = id(placeOrder(owner, instrument.instrumentId(), "BUY", 10, "40.00"));
        taker = trader();
        deposit(taker, "1000.00");
        placeOrder(taker, instrument.instrumentId(), "BUY", 4, "50.00");
        trade = id(trades(instrument.instrumentId()).get(0));

        JsonNode cash = cashAccount(owner);
        assertThat(money(cash.get("balance"))).isEqualByComparingTo("1000.00");
        assertThat(money(cash.get("reserved"))).isEqualByComparingTo("400.00");
        JsonNode sell = as(owner).get("/orders/" + sellOrder).expect(200);
        assertThat(sell.get("status").asString()).isEqualTo("OPEN");
        assertThat(sell.get("remainingQuantity").asLong()).isEqualTo(6);
        assertThat(as(owner).get("/orders/" + buyOrder).expect(200).get("status").asString()).isEqualTo("OPEN");
        for (Who who : List.of(OTHER_TRADER, VERIFIER, ADMINISTRATOR, OPERATOR)) {
            assertThat(client(who).get("/orders").expect(200).get("total").asLong()).as("%s's orders", who).isZero();
        }
        offBookDeals();
    }

    /**
     * The owner's block trade to the other trader (credits held, awaiting acceptance), a second one
     * still awaiting its hold, and the owner's auction open for bids for an hour. Blocks are 5 credits
     * or more here, at ±30% around 50.00.
     */
    private void offBookDeals() {
        client(OPERATOR).put("/block-trade-rules/" + instrument.instrumentId(), blockRule()).expect(200);
        blockTrade = id(client(OWNER).post("/block-trades", proposal(participants.get(OTHER_TRADER))).expect(201));
        held(blockTrade, 6);
        await().atMost(PATIENCE).until(() -> client(OWNER).get("/block-trades/" + blockTrade).expect(200).get("status")
                .asString(), "PROPOSED"::equals);
        pendingBlockTrade = id(client(OWNER).post("/block-trades", proposal(participants.get(OTHER_TRADER)))
                .expect(201));
        auction = id(client(OWNER).post("/auctions", announcement()).expect(201));
        held(auction, 10);
        await().atMost(PATIENCE).until(() -> client(OWNER).get("/auctions/" + auction).expect(200).get("status")
                .asString(), "OPEN"::equals);
    }

    private void held(UUID holdId, long quantity) {
        holdRequestedFor(holdId);
        TestEvents.send(Topics.REGISTRY_HOLDS, instrument.instrumentId(), new CreditsHeld(UUID.randomUUID(),
                Instant.now(), holdId, instrument.instrumentId(), quantity));
    }

    private Map<String, Object> blockRule() {
        return Map.of("minimumQuantity", 5, "band", new BigDecimal("0.30"), "referencePrice", new BigDecimal("50.00"),
                "source", "authorization matrix");
    }

    private Map<String, Object> proposal(UUID buyer) {
        return Map.of("buyerId", buyer, "instrumentId", instrument.instrumentId(), "quantity", 6, "price",
                new BigDecimal("50.00"));
    }

    private Map<String, Object> announcement() {
        return Map.of("instrumentId", instrument.instrumentId(), "quantity", 10, "floorPrice", new BigDecimal("5.00"),
                "endsAt", AN_HOUR_FROM_NOW.toString());
    }

    @TestFactory
    Stream<DynamicTest> everyCallerOnEveryEndpoint() {
        List<Row> rows = new ArrayList<>();
        // @formatter:off
        // one column per caller, in the order of Who: OWNER, OTHER_TRADER, VERIFIER, ADMINISTRATOR, OPERATOR
        // (a valid token), then NO_TOKEN, EXPIRED, OTHER_AUDIENCE, OTHER_ISSUER, OTHER_KEY, TAMPERED (none)
        //                                                       OWNR OTHR VERI ADMN OPER   NONE EXPD AUD  ISS  KEY  TAMP
        // public market data: no token needed, but a token that is present must be valid
        matrix(rows, get("/instruments"),                        200, 200, 200, 200, 200,   200, 401, 401, 401, 401, 401);
        matrix(rows, get("/instruments/{instrument}"),           200, 200, 200, 200, 200,   200, 401, 401, 401, 401, 401);
        matrix(rows, get("/instruments/{instrument}/book"),      200, 200, 200, 200, 200,   200, 401, 401, 401, 401, 401);
        matrix(rows, get("/trades"),                             200, 200, 200, 200, 200,   200, 401, 401, 401, 401, 401);
        matrix(rows, get("/trades?instrumentId={instrument}"),   200, 200, 200, 200, 200,   200, 401, 401, 401, 401, 401);
        matrix(rows, get("/trades/{trade}"),                     200, 200, 200, 200, 200,   200, 401, 401, 401, 401, 401);
        matrix(rows, get("/market/instruments/{instrument}/depth"), 200, 200, 200, 200, 200, 200, 401, 401, 401, 401, 401);
        matrix(rows, get("/market/instruments/{instrument}/trades"), 200, 200, 200, 200, 200, 200, 401, 401, 401, 401, 401);
        matrix(rows, get("/market/instruments/{instrument}/daily"), 200, 200, 200, 200, 200, 200, 401, 401, 401, 401, 401);
        matrix(rows, get("/market/block-trades"),                200, 200, 200, 200, 200,   200, 401, 401, 401, 401, 401);
        matrix(rows, get("/market/auctions"),                    200, 200, 200, 200, 200,   200, 401, 401, 401, 401, 401);
        matrix(rows, get("/block-trade-rules/{instrument}"),     200, 200, 200, 200, 200,   200, 401, 401, 401, 401, 401);
        // market rules: the exchange operator only
        matrix(rows, put("/block-trade-rules/{instrument}", blockRule()), 403, 403, 403, 403, 200, 401, 401, 401, 401, 401, 401);
        // a cash account: read by its participant only, not the administrator, not the operator; cash
        // moves in and out by the operator (the owner deposits itself only in the demo profile)
        matrix(rows, get("/cash-accounts/{owner}"),              200, 403, 403, 403, 403,   401, 401, 401, 401, 401, 401);
        matrix(rows, deposit("5.00"),                            403, 403, 403, 403, 201,   401, 401, 401, 401, 401, 401);
        matrix(rows, withdrawal("5.00"),                         403, 403, 403, 403, 201,   401, 401, 401, 401, 401, 401);
        matrix(rows, get("/cash-check"),                         403, 403, 403, 403, 200,   401, 401, 401, 401, 401, 401);
        // orders: a participant registered as a trader places them, always on its own account (the other
        // trader has no cash: 422); the registry's other roles do not trade (403)
        matrix(rows, buy(1, "40.00"),                            201, 422, 403, 403, 403,   401, 401, 401, 401, 401, 401);
        matrix(rows, batch(1, "40.00"),                          200, 200, 200, 200, 200,   401, 401, 401, 401, 401, 401);
        matrix(rows, get("/orders/{buy}"),                       200, 403, 403, 403, 403,   401, 401, 401, 401, 401, 401);
        matrix(rows, get("/orders/{sell}"),                      200, 403, 403, 403, 403,   401, 401, 401, 401, 401, 401);
        matrix(rows, get("/orders/{unknown}"),                   404, 404, 404, 404, 404,   401, 401, 401, 401, 401, 401);
        matrix(rows, get("/orders"),                             200, 200, 200, 200, 200,   401, 401, 401, 401, 401, 401);
        // another participant's orders cannot be asked for: the list takes no participantId (400)
        matrix(rows, get("/orders?participantId={owner}"),       400, 400, 400, 400, 400,   401, 401, 401, 401, 401, 401);
        // block trades: a trading participant proposes from its own account (the registry's other roles and the
        // operator do not trade: 403); seen by its two parties; accepted or declined by the named buyer (who has
        // no cash: 422), cancelled by the seller
        matrix(rows, propose(),                                  201, 201, 403, 403, 403,   401, 401, 401, 401, 401, 401);
        matrix(rows, get("/block-trades"),                       200, 200, 200, 200, 200,   401, 401, 401, 401, 401, 401);
        matrix(rows, get("/block-trades/{block}"),               200, 200, 403, 403, 403,   401, 401, 401, 401, 401, 401);
        matrix(rows, get("/block-trades/{unknown}"),             404, 404, 404, 404, 404,   401, 401, 401, 401, 401, 401);
        matrix(rows, post("/block-trades/{block}/acceptance"),   403, 422, 403, 403, 403,   401, 401, 401, 401, 401, 401);
        matrix(rows, post("/block-trades/{block}/rejection"),    403, 200, 403, 403, 403,   401, 401, 401, 401, 401, 401);
        matrix(rows, post("/block-trades/{pending}/cancellation"), 200, 403, 403, 403, 403, 401, 401, 401, 401, 401, 401);
        // auctions: a trading participant announces from its own account and bids in others' (not its own:
        // 422; no cash: 422), as on the book the other roles do not (403); each bidder sees its own bids; the
        // seller or the operator may close once the window ended
        matrix(rows, announce(),                                 201, 201, 403, 403, 403,   401, 401, 401, 401, 401, 401);
        matrix(rows, get("/auctions"),                           200, 200, 200, 200, 200,   401, 401, 401, 401, 401, 401);
        matrix(rows, get("/auctions/{auction}"),                 200, 200, 200, 200, 200,   401, 401, 401, 401, 401, 401);
        matrix(rows, bid(),                                      422, 422, 403, 403, 403,   401, 401, 401, 401, 401, 401);
        matrix(rows, get("/auctions/{auction}/bids"),            200, 200, 200, 200, 200,   401, 401, 401, 401, 401, 401);
        matrix(rows, post("/auctions/{auction}/close"),          409, 403, 403, 403, 409,   401, 401, 401, 401, 401, 401);
        // supervising the market: the exchange operator only (halted, then resumed at once)
        matrix(rows, post("/instruments/{instrument}/halt"),     403, 403, 403, 403, 200,   401, 401, 401, 401, 401, 401);
        matrix(rows, post("/instruments/{instrument}/resume"),   403, 403, 403, 403, 200,   401, 401, 401, 401, 401, 401);
        matrix(rows, band("45.00", 3000),                        403, 403, 403, 403, 200,   401, 401, 401, 401, 401, 401);
        // the service's own administration (dead letters, parked outbox rows): the exchange operator only
        matrix(rows, get("/admin/dead-letters"),                 403, 403, 403, 403, 200,   401, 401, 401, 401, 401, 401);
        matrix(rows, get("/admin/outbox/parked"),                403, 403, 403, 403, 200,   401, 401, 401, 401, 401, 401);
        // amending: its owner only
        matrix(rows, amend("{unknown}", "41.00"),                404, 404, 404, 404, 404,   401, 401, 401, 401, 401, 401);
        matrix(rows, amend("{buy}", "41.00"),                    200, 403, 403, 403, 403,   401, 401, 401, 401, 401, 401);
        // cancelling: its owner only (last, since the owner's call closes the order)
        matrix(rows, cancel("{unknown}"),                        404, 404, 404, 404, 404,   401, 401, 401, 401, 401, 401);
        matrix(rows, cancel("{sell}"),                           200, 403, 403, 403, 403,   401, 401, 401, 401, 401, 401);
        matrix(rows, cancel("{buy}"),                            200, 403, 403, 403, 403,   401, 401, 401, 401, 401, 401);
        // @formatter:on

        // request bodies cannot set server-owned fields: refused naming the field, never applied
        rows.add(new Row(OWNER, buy(1, "40.00", "status", "FILLED"), 400));
        rows.add(new Row(OWNER, buy(1, "40.00", "filledQuantity", 1), 400));
        rows.add(new Row(OWNER, buy(1, "40.00", "reservedCash", new BigDecimal("0.00")), 400));
        rows.add(new Row(OWNER, buy(1, "40.00", "id", buyOrder), 400));
        rows.add(new Row(OTHER_TRADER, buy(1, "40.00", "participantId", owner), 400));
        rows.add(new Row(OWNER, deposit("5.00", "balance", new BigDecimal("1000000.00")), 400));
        rows.add(new Row(OWNER, deposit("5.00", "reserved", new BigDecimal("0.00")), 400));
        rows.add(new Row(OWNER, deposit("5.00", "available", new BigDecimal("1000000.00")), 400));
        rows.add(new Row(OTHER_TRADER, new Request("POST", "/cash-accounts/{other}/deposits",
                body(Map.of("amount", new BigDecimal("5.00")), "participantId", owner),
                "{amount: 5.00, participantId: {owner}}"), 400));

        return rows.stream().map(row -> DynamicTest.dynamicTest(row.toString(), () -> check(row)));
    }

    /** Calls as the row's caller, checks the status and what comes with it, and that a refusal changed nothing. */
    private void check(Row row) {
        Visible before = visible();

        ApiClient.Response response = client(row.caller()).send(row.request().method(), resolve(row.request().path()),
                row.request().body());

        assertThat(response.status()).as("%s: %s", row, response.body()).isEqualTo(row.expected());
        if (response.status() >= 400) {
            assertThat(visible()).as("what everyone sees after the refused %s", row).isEqualTo(before);
        }
        switch (response.status()) {
            case 401 -> {
                assertThat(response.header("WWW-Authenticate")).as("WWW-Authenticate").startsWith("Bearer");
                assertThat(response.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:unauthenticated");
            }
            case 403 -> assertThat(response.json().get("type").asString()).isIn(
                    row.caller() == OWNER && row.request().path().endsWith("/deposits")
                            ? List.of("urn:carbonsink:problem:self-deposit-disabled")
                            : List.of("urn:carbonsink:problem:forbidden", "urn:carbonsink:problem:trading-role-required"));
            case 400 -> {
                // the 400s of the table are server-owned fields and a query parameter no list takes: the
                // problem names the field
                assertThat(response.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:validation");
                assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                        .containsExactly(row.request().serverOwnedField() != null ? row.request().serverOwnedField()
                                : "participantId");
            }
            case 422 -> assertThat(response.json().get("type").asString()).isEqualTo(
                    row.caller() == OWNER && row.request().path().endsWith("/bids")
                            ? "urn:carbonsink:problem:own-auction"
                            : "urn:carbonsink:problem:insufficient-cash");
            case 409 -> assertThat(response.json().get("type").asString())
                    .isEqualTo("urn:carbonsink:problem:auction-window-open");
            default -> {
            }
        }
        if (response.status() < 300) {
            allowed(row, before, response.json());
        }
    }

    /** What an allowed call answers: the caller's own data only, and writes on the caller's own account. */
    private void allowed(Row row, Visible before, JsonNode body) {
        UUID caller = participants.get(row.caller());
        String path = row.request().path();
        boolean get = row.request().method().equals("GET");
        if (path.startsWith("/instruments") || path.startsWith("/trades") || path.startsWith("/market")) {
            assertThat(body.toString()).as("public market data does not disclose who trades")
                    .doesNotContain(owner.toString(), taker.toString());
        }
        if (path.equals("/orders/batch")) {
            JsonNode result = body.get("results").get(0);
            int expected = row.caller() == OWNER ? 201 : row.caller() == OTHER_TRADER ? 422 : 403;
            assertThat(result.get("status").asInt()).as("the batch's order for %s", row.caller()).isEqualTo(expected);
            if (expected == 201) {
                assertThat(result.get("order").get("participantId").asString()).isEqualTo(caller.toString());
            }
        } else if (get && (path.startsWith("/orders?") || path.equals("/orders"))) {
            List<String> owners = body.get("items").valueStream().map(o -> o.get("participantId").asString()).toList();
            assertThat(owners).as("owners of the orders %s lists", row.caller()).allMatch(caller.toString()::equals);
            assertThat(body.get("total").asLong()).isEqualTo(owners.size());
            List<String> ids = body.get("items").valueStream().map(o -> o.get("id").asString()).toList();
            if (row.caller() == OWNER) {
                assertThat(ids).contains(buyOrder.toString(), sellOrder.toString());
            } else {
                assertThat(ids).as("%s lists nobody else's orders", row.caller()).isEmpty();
            }
        } else if (path.startsWith("/orders/") || get && path.startsWith("/cash-accounts/")) {
            assertThat(body.get("participantId").asString()).isEqualTo(caller.toString());
        }
        if (!get && path.equals("/block-trades")) {
            assertThat(body.get("sellerId").asString()).as("the caller sells").isEqualTo(caller.toString());
            assertThat(body.get("status").asString()).isEqualTo("PENDING_HOLD");
        }
        if (get && path.equals("/block-trades")) {
            assertThat(body.get("items").valueStream()).as("%s's block trades", row.caller()).allMatch(b ->
                    b.get("sellerId").asString().equals(caller.toString())
                            || b.get("buyerId").asString().equals(caller.toString()));
        }
        if (get && path.endsWith("/bids")) {
            assertThat(body.valueStream()).allMatch(b -> b.get("bidderId").asString().equals(caller.toString()));
        }
        if (get && path.startsWith("/auctions")) {
            assertThat(body.toString()).as("who sells is not disclosed").doesNotContain(owner.toString());
        }
        if (path.equals("/cash-check")) {
            assertThat(body.valueStream().map(m -> m.get("participantId").asString()))
                    .as("invariant 4 holds for the market's accounts").doesNotContain(owner.toString(), taker.toString());
        }
        if (!get && path.startsWith("/cash-accounts/")) {
            assertThat(body.get("participantId").asString()).as("the account in the path").isEqualTo(owner.toString());
            BigDecimal change = new BigDecimal(path.endsWith("/deposits") ? "5.00" : "-5.00");
            assertThat(money(body.get("balance"))).isEqualByComparingTo(money(before.cash().get("balance")).add(change));
            assertThat(money(body.get("reserved"))).isEqualByComparingTo(money(before.cash().get("reserved")));
        }
        if (!get && path.equals("/orders")) {
            assertThat(body.get("participantId").asString()).isEqualTo(caller.toString());
            assertThat(body.get("status").asString()).isEqualTo("OPEN");
            assertThat(body.get("filledQuantity").asLong()).isZero();
            assertThat(money(cashAccount(owner).get("reserved")))
                    .isEqualByComparingTo(money(before.cash().get("reserved")).add(new BigDecimal("40.00")));
        }
    }

    ApiClient client(Who who) {
        return switch (who) {
            case OWNER, OTHER_TRADER -> api().as(participants.get(who), "TRADER");
            case VERIFIER -> api().as(participants.get(who), "VERIFIER");
            case ADMINISTRATOR -> api().as(ADMINISTRATOR_ID, "REGISTRY_ADMINISTRATOR");
            case OPERATOR -> api().as(participants.get(who), "EXCHANGE_OPERATOR");
            case NO_TOKEN -> api();
            case EXPIRED -> api().withToken(TestTokens.expired(owner, "TRADER"));
            case OTHER_AUDIENCE -> api().withToken(TestTokens.forAnotherAudience(owner, "TRADER"));
            case OTHER_ISSUER -> api().withToken(TestTokens.fromAnotherIssuer(owner, "TRADER"));
            case OTHER_KEY -> api().withToken(TestTokens.signedByAnotherKey(owner, "TRADER"));
            case TAMPERED -> api().withToken(TestTokens.tampered(owner, "TRADER"));
        };
    }

    /** Everything a refused call might have changed, read with the owner's and the others' own tokens. */
    record Visible(JsonNode cash, JsonNode ownersOrders, Map<Who, JsonNode> othersOrders, JsonNode book,
            JsonNode trades, JsonNode ownersBlockTrades, JsonNode buyersBlockTrades, JsonNode auction,
            JsonNode blockRule) {
    }

    private Visible visible() {
        Map<Who, JsonNode> others = new EnumMap<>(Who.class);
        for (Who who : List.of(OTHER_TRADER, VERIFIER, ADMINISTRATOR, OPERATOR)) {
            others.put(who, client(who).get("/orders?limit=500").expect(200));
        }
        return new Visible(cashAccount(owner), as(owner).get("/orders?limit=500").expect(200), others,
                api().get("/instruments/" + instrument.instrumentId() + "/book").expect(200),
                api().get("/trades?limit=500&instrumentId=" + instrument.instrumentId()).expect(200),
                client(OWNER).get("/block-trades?limit=500").expect(200),
                client(OTHER_TRADER).get("/block-trades?limit=500").expect(200),
                client(OWNER).get("/auctions/" + auction).expect(200),
                api().get("/block-trade-rules/" + instrument.instrumentId()).expect(200));
    }

    /** One cell of the table: who calls, what, and the status the design gives. */
    record Row(Who caller, Request request, int expected) {

        @Override
        public String toString() {
            return String.format("%-14s %-4s %-36s %s → %d", caller, request.method(), request.path(),
                    request.description(), expected);
        }
    }

    /**
     * A request; its path names the set-up objects in braces ({owner}, {buy}, ...), filled in when it
     * is sent. {@code serverOwnedField} is the field it tries to set that only the server may, if any.
     */
    record Request(String method, String path, Object body, String description, String serverOwnedField) {

        Request(String method, String path, Object body, String description) {
            this(method, path, body, description, body instanceof Map<?, ?> map ? serverOwned(map) : null);
        }

        private static String serverOwned(Map<?, ?> body) {
            return body.keySet().stream().map(Object::toString)
                    .filter(k -> !List.of("amount", "instrumentId", "side", "quantity", "limitPrice", "buyerId", "price",
                            "floorPrice", "endsAt", "minimumQuantity", "band", "referencePrice", "source").contains(k))
                    .findFirst().orElse(null);
        }
    }

    /** Adds one row per caller, the statuses in the order of {@link Who}. */
    private static void matrix(List<Row> rows, Request request, int... statuses) {
        Who[] callers = Who.values();
        assertThat(statuses).as("a status for each caller of %s", request.path()).hasSize(callers.length);
        for (int i = 0; i < callers.length; i++) {
            rows.add(new Row(callers[i], request, statuses[i]));
        }
    }

    private static Request get(String path) {
        return new Request("GET", path, null, "");
    }

    private static Request post(String path) {
        return new Request("POST", path, null, "");
    }

    private Request put(String path, Map<String, Object> body) {
        return new Request("PUT", path, body, describe(body));
    }

    private Request propose() {
        // a buyer that may trade, other than every caller (a proposal to anyone else is refused, whoever asks)
        Map<String, Object> body = proposal(trader());
        return new Request("POST", "/block-trades", body, "{6 @ 50.00 to a new trader}");
    }

    private Request announce() {
        Map<String, Object> body = announcement();
        return new Request("POST", "/auctions", body, "{10 from 5.00 for an hour}");
    }

    private Request bid() {
        Map<String, Object> body = Map.of("quantity", 1, "price", new BigDecimal("5.00"));
        return new Request("POST", "/auctions/{auction}/bids", body, describe(body));
    }

    private static Request amend(String order, String limitPrice) {
        Map<String, Object> body = Map.of("limitPrice", new BigDecimal(limitPrice));
        return new Request("PATCH", "/orders/" + order, body, "{limitPrice: " + limitPrice + "}", null);
    }

    private static Request band(String referencePrice, int basisPoints) {
        return new Request("PUT", "/instruments/{instrument}/band", Map.of("referencePrice", new BigDecimal(referencePrice),
                "bandBasisPoints", basisPoints), "{referencePrice: " + referencePrice + ", bandBasisPoints: " + basisPoints
                + "}", null);
    }

    private Request batch(long quantity, String limitPrice) {
        Map<String, Object> body = Map.of("orders", List.of(order(instrument.instrumentId(), "BUY", quantity, limitPrice)));
        return new Request("POST", "/orders/batch", body, "{orders: [BUY " + quantity + " @ " + limitPrice + "]}", null);
    }

    private static Request cancel(String order) {
        return new Request("POST", "/orders/" + order + "/cancellation", null, "");
    }

    private Request deposit(String amount, Object... serverOwned) {
        Map<String, Object> body = body(Map.of("amount", new BigDecimal(amount)), serverOwned);
        return new Request("POST", "/cash-accounts/{owner}/deposits", body, describe(body));
    }

    private Request withdrawal(String amount) {
        Map<String, Object> body = Map.of("amount", new BigDecimal(amount));
        return new Request("POST", "/cash-accounts/{owner}/withdrawals", body, describe(body));
    }

    private Request buy(long quantity, String limitPrice, Object... serverOwned) {
        Map<String, Object> body = body(order(instrument.instrumentId(), "BUY", quantity, limitPrice), serverOwned);
        return new Request("POST", "/orders", body, describe(body));
    }

    private static Map<String, Object> body(Map<String, Object> fields, Object... more) {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    private String describe(Map<String, Object> body) {
        StringBuilder text = new StringBuilder("{");
        body.forEach((key, value) -> text.append(text.length() > 1 ? ", " : "").append(key).append(": ")
                .append(name(value)));
        return text.append('}').toString();
    }

    /** A set-up object's placeholder rather than its random id, so the row's name reads the same every run. */
    private String name(Object value) {
        if (instrument.instrumentId().equals(value)) {
            return "{instrument}";
        }
        if (value instanceof UUID id) {
            return id.equals(owner) ? "{owner}" : id.equals(buyOrder) ? "{buy}" : id.toString();
        }
        return String.valueOf(value);
    }

    /** Fills in the placeholders of a path. */
    private String resolve(String path) {
        return path.replace("{instrument}", instrument.instrumentId())
                .replace("{owner}", owner.toString())
                .replace("{other}", participants.get(OTHER_TRADER).toString())
                .replace("{buy}", buyOrder.toString())
                .replace("{sell}", sellOrder.toString())
                .replace("{trade}", trade.toString())
                .replace("{block}", blockTrade.toString())
                .replace("{pending}", pendingBlockTrade.toString())
                .replace("{auction}", auction.toString())
                .replace("{unknown}", UUID.randomUUID().toString());
    }

    private static UUID id(JsonNode node) {
        return UUID.fromString(node.get("id").asString());
    }
}
