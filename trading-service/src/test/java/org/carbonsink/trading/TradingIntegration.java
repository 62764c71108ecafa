package org.carbonsink.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.carbonsink.contracts.CreditHoldRequested;
import org.carbonsink.contracts.CreditsHeld;
import org.carbonsink.contracts.CreditsIssued;
import org.carbonsink.contracts.ParticipantRegistered;
import org.carbonsink.contracts.SerialRange;
import org.carbonsink.contracts.Topics;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.SimulatedCrash;
import org.carbonsink.testsupport.TestEvents;
import org.carbonsink.testsupport.TestInfrastructure;
import org.carbonsink.trading.participant.Participants;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The one context configuration of the service's integration tests (real PostgreSQL and Kafka), and
 * the steps they share. The test plays the registry: it sends the registry's events and reads the
 * requests the exchange publishes. Each test uses fresh participants and instruments.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.config.name=" + TradingApplication.CONFIG_NAME,
                "carbonsink.trading.max-open-orders-per-instrument=" + TradingIntegration.OPEN_ORDER_CAP })
@Import(SimulatedCrash.class)
abstract class TradingIntegration {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Low, so that a test can reach it. */
    static final int OPEN_ORDER_CAP = 20;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.springProperties("trading").forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;

    ApiClient api() {
        return new ApiClient("http://localhost:" + port);
    }

    ApiClient as(UUID participant) {
        return api().as(participant);
    }

    record Listed(String instrumentId, UUID projectId, String projectCode, int vintage) {
    }

    @Autowired
    Participants readModel;
    @Autowired
    JdbcClient database;

    /** A new W3C trace id (32 hex digits). */
    static String newTraceId() {
        return hex(16);
    }

    /** A {@code traceparent} of a sampled span in the trace, as a caller or a producer sends it. */
    static String traceparent(String traceId) {
        return "00-" + traceId + "-" + hex(8) + "-01";
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /**
     * The trace ids stored with the outbox rows of events of {@code type} whose {@code field} is {@code id}
     * (the relay sends each event in its row's trace; "none" for a row written outside any trace).
     */
    List<String> tracesOfEvents(String type, String field, UUID id) {
        return database.sql("""
                select coalesce(split_part(trace_parent, '-', 2), 'none') from outbox_event
                where event_type = :type and payload::jsonb ->> :field = :id order by id
                """).param("type", type).param("field", field).param("id", id.toString()).query(String.class).list();
    }

    /** A new participant the registry registered as a trader; answers once the exchange knows it. */
    UUID trader() {
        return registered("TRADER");
    }

    /** A new participant the registry registered in {@code role}; answers once the exchange knows it. */
    UUID registered(String role) {
        UUID participant = UUID.randomUUID();
        register(participant, role);
        return participant;
    }

    void register(UUID participant, String role) {
        TestEvents.send(Topics.REGISTRY_PARTICIPANTS, participant.toString(), new ParticipantRegistered(
                UUID.randomUUID(), Instant.now(), participant, "participant " + participant, role));
        await().atMost(PATIENCE).until(() -> readModel.roleOf(participant).isPresent());
    }

    /** The registry issues credits of a new project; answers the instrument once the exchange lists it. */
    Listed listInstrument(long quantity) {
        String projectCode = "P" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        int vintage = 2025;
        UUID projectId = UUID.randomUUID();
        TestEvents.send(Topics.REGISTRY_CREDITS, projectId.toString(), new CreditsIssued(UUID.randomUUID(),
                Instant.now(), UUID.randomUUID(), UUID.randomUUID(), projectId, projectCode, vintage, UUID.randomUUID(),
                quantity, 0, new SerialRange(projectCode + "-2025", 1, quantity), null));
        String instrumentId = projectCode + "-" + vintage;
        await().atMost(PATIENCE).until(() -> api().get("/instruments/" + instrumentId).status() == 200);
        return new Listed(instrumentId, projectId, projectCode, vintage);
    }

    /** The exchange operator books a deposit for the participant (self-serve deposits are for the demo profile only). */
    JsonNode deposit(UUID participant, String amount) {
        return operator().post("/cash-accounts/" + participant + "/deposits", Map.of("amount", new BigDecimal(amount)))
                .expect(201);
    }

    ApiClient operator() {
        return api().as(UUID.randomUUID(), "EXCHANGE_OPERATOR");
    }

    JsonNode cashAccount(UUID participant) {
        return as(participant).get("/cash-accounts/" + participant).expect(200);
    }

    JsonNode placeOrder(UUID participant, String instrumentId, String side, long quantity, String limitPrice) {
        return as(participant).post("/orders", order(instrumentId, side, quantity, limitPrice)).expect(201);
    }

    static Map<String, Object> order(String instrumentId, String side, long quantity, String limitPrice) {
        return Map.of("instrumentId", instrumentId, "side", side, "quantity", quantity, "limitPrice",
                new BigDecimal(limitPrice));
    }

    /** Places a sell order, checks the hold the exchange asks for, and answers it as the registry holding the credits. */
    UUID sellWithCreditsHeld(UUID seller, Listed instrument, long quantity, String limitPrice) {
        UUID orderId = UUID.fromString(placeOrder(seller, instrument.instrumentId(), "SELL", quantity, limitPrice)
                .get("id").asString());
        CreditHoldRequested request = holdRequestedFor(orderId);
        TestEvents.send(Topics.REGISTRY_HOLDS, instrument.instrumentId(), new CreditsHeld(UUID.randomUUID(),
                Instant.now(), request.holdId(), request.instrumentId(), request.quantity()));
        awaitOrder(seller, orderId, "OPEN");
        return orderId;
    }

    record Matched(UUID seller, UUID sellOrder, UUID buyer, UUID tradeId) {
    }

    /** A seller's 10 @ 30.00, all bought by a buyer who deposited 1000.00: one trade awaiting delivery. */
    Matched tenAtThirty(Listed instrument) {
        UUID seller = trader();
        UUID sellOrder = sellWithCreditsHeld(seller, instrument, 10, "30.00");
        UUID buyer = trader();
        deposit(buyer, "1000.00");
        placeOrder(buyer, instrument.instrumentId(), "BUY", 10, "30.00");
        UUID tradeId = UUID.fromString(trades(instrument.instrumentId()).get(0).get("id").asString());
        return new Matched(seller, sellOrder, buyer, tradeId);
    }

    CreditHoldRequested holdRequestedFor(UUID orderId) {
        List<CreditHoldRequested> requests = TestEvents.await(Topics.TRADING_ORDERS, CreditHoldRequested.class,
                e -> e.holdId().equals(orderId), PATIENCE);
        assertThat(requests).as("CreditHoldRequested for order %s", orderId).hasSize(1);
        return requests.get(0);
    }

    JsonNode awaitOrder(UUID owner, UUID orderId, String status) {
        await().atMost(PATIENCE).until(() -> as(owner).get("/orders/" + orderId).expect(200).get("status").asString(),
                status::equals);
        return as(owner).get("/orders/" + orderId).expect(200);
    }

    JsonNode awaitTrade(UUID tradeId, String status) {
        await().atMost(PATIENCE).until(() -> api().get("/trades/" + tradeId).expect(200).get("status").asString(),
                status::equals);
        return api().get("/trades/" + tradeId).expect(200);
    }

    List<JsonNode> trades(String instrumentId) {
        return api().get("/trades?instrumentId=" + instrumentId).expect(200).get("items").valueStream().toList();
    }

    /** Checks the participant's cash account: its balance and what of it is reserved. */
    void assertCashOf(UUID participant, String balance, String reserved) {
        JsonNode account = cashAccount(participant);
        assertThat(money(account.get("balance"))).as("balance").isEqualByComparingTo(balance);
        assertThat(money(account.get("reserved"))).as("reserved").isEqualByComparingTo(reserved);
    }

    /** Invariant 4: each participant's reserved cash is exactly what its open orders, bids and pending trades need. */
    void assertReservedCashBacked(UUID... participants) {
        List<String> mismatched = operator().get("/cash-check").expect(200).valueStream()
                .map(m -> m.get("participantId").asString()).toList();
        assertThat(mismatched).as("accounts whose reservation differs from what it backs")
                .doesNotContainAnyElementsOf(Arrays.stream(participants).map(UUID::toString).toList());
    }

    /** An amount or price from a response; fails if it has fractions of a fen. */
    static BigDecimal money(JsonNode node) {
        return node.decimalValue().setScale(2, RoundingMode.UNNECESSARY);
    }

    void assertCash(UUID participant, String balance, String reserved) {
        JsonNode account = cashAccount(participant);
        assertThat(money(account.get("balance"))).as("balance").isEqualByComparingTo(balance);
        assertThat(money(account.get("reserved"))).as("reserved").isEqualByComparingTo(reserved);
        assertThat(money(account.get("available"))).as("available")
                .isEqualByComparingTo(new BigDecimal(balance).subtract(new BigDecimal(reserved)));
    }
}
