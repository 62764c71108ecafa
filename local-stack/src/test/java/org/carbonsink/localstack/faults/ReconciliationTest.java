package org.carbonsink.localstack.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.carbonsink.localstack.faults.Reconciliation.Difference;
import org.carbonsink.localstack.faults.Reconciliation.Kind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The comparison of the exchange's and the registry's settlement snapshots. */
class ReconciliationTest {

    static final String ORDER = "00000000-0000-0000-0000-000000000001";
    static final String SETTLED_TRADE = "00000000-0000-0000-0000-0000000000a1";
    static final String PENDING_TRADE = "00000000-0000-0000-0000-0000000000b2";
    static final String BUYER = "00000000-0000-0000-0000-0000000000c1";

    /** A sell order of 100 with 60 left open, one trade of 30 settled and one of 10 awaiting delivery. */
    static String exchange(String pendingStatus, String extraHold) {
        return """
                {"holds": [{"holdId": "%s", "kind": "SELL_ORDER", "status": "OPEN", "awaitingHold": false,
                            "remaining": %d, "delivered": 30}%s],
                 "trades": [{"tradeId": "%s", "holdId": "%s", "venue": "BOOK", "status": "SETTLED", "quantity": 30},
                            {"tradeId": "%s", "holdId": "%s", "venue": "BOOK", "status": "%s", "quantity": 10}],
                 "cash": [{"participantId": "%s", "balance": 1000.00, "expectedBalance": 1000.0}],
                 "reservations": []}
                """.formatted(ORDER, pendingStatus.equals("PENDING_DELIVERY") ? 70 : 60, extraHold, SETTLED_TRADE,
                ORDER, PENDING_TRADE, ORDER, pendingStatus, BUYER);
    }

    static String registry(long remaining, long delivered, String extraHold, String extraDelivery) {
        return """
                {"holds": [{"holdId": "%s", "quantity": 100, "remaining": %d, "delivered": %d, "released": 0,
                            "cancelled": 0, "status": "ACTIVE"}%s],
                 "rejectedHolds": [],
                 "deliveries": [{"tradeId": "%s", "holdId": "%s", "quantity": 30}%s],
                 "ledger": {"sound": true, "violations": [], "issued": 1000, "available": 900, "held": 70,
                            "retired": 0, "cancelled": 0, "buffer": 30}}
                """.formatted(ORDER, remaining, delivered, extraHold, SETTLED_TRADE, ORDER, extraDelivery);
    }

    static JsonNode json(String text) {
        return JsonMapper.builder().build().readTree(text);
    }

    @Test
    void agreeingSidesWithOnlyATradeInFlightShowOnlyThatTrade() {
        var differences = Reconciliation.compare(json(exchange("PENDING_DELIVERY", "")), json(registry(70, 30, "", "")));

        assertThat(differences).extracting(Difference::kind, Difference::id)
                .containsExactly(tuple(Kind.TRADE_PENDING, PENDING_TRADE));
    }

    @Test
    void settledSidesAreClean() {
        String delivered = ", {\"tradeId\": \"" + PENDING_TRADE + "\", \"holdId\": \"" + ORDER + "\", \"quantity\": 10}";
        String exchange = exchange("SETTLED", "").replace("\"delivered\": 30", "\"delivered\": 40");

        assertThat(Reconciliation.compare(json(exchange), json(registry(60, 40, "", delivered)))).isEmpty();
    }

    @Test
    void reportsAHoldWithNoOrderAndADeliveryTheExchangeStillAwaits() {
        String orphan = ", {\"holdId\": \"00000000-0000-0000-0000-0000000000ff\", \"quantity\": 5, \"remaining\": 5,"
                + " \"delivered\": 0, \"released\": 0, \"cancelled\": 0, \"status\": \"ACTIVE\"}";
        String delivered = ", {\"tradeId\": \"" + PENDING_TRADE + "\", \"holdId\": \"" + ORDER + "\", \"quantity\": 10}";

        var differences = Reconciliation.compare(json(exchange("PENDING_DELIVERY", "")),
                json(registry(60, 40, orphan, delivered)));

        assertThat(differences).extracting(Difference::kind, Difference::id).containsExactlyInAnyOrder(
                tuple(Kind.HELD_QUANTITY, ORDER), tuple(Kind.DELIVERED_QUANTITY, ORDER),
                tuple(Kind.HOLD_WITHOUT_ORDER, "00000000-0000-0000-0000-0000000000ff"),
                tuple(Kind.DELIVERED_NOT_SETTLED, PENDING_TRADE));
        assertThat(differences).filteredOn(d -> d.kind() == Kind.HELD_QUANTITY).singleElement()
                .satisfies(d -> {
                    assertThat(d.exchange()).startsWith("remaining 70, delivered 30");
                    assertThat(d.registry()).startsWith("remaining 60, delivered 40");
                });
    }

    @Test
    void reportsAnOrderCountingOnAHoldTheRegistryNeverMadeAndAFailedTradeThatWasDelivered() {
        String failed = exchange("FAILED", ", {\"holdId\": \"00000000-0000-0000-0000-0000000000ee\", \"kind\":"
                + " \"AUCTION\", \"status\": \"OPEN\", \"awaitingHold\": false, \"remaining\": 50, \"delivered\": 0}");
        String delivered = ", {\"tradeId\": \"" + PENDING_TRADE + "\", \"holdId\": \"" + ORDER + "\", \"quantity\": 10}";

        var differences = Reconciliation.compare(json(failed), json(registry(60, 40, "", delivered)));

        assertThat(differences).extracting(Difference::kind, Difference::id).contains(
                tuple(Kind.HOLD_MISSING, "00000000-0000-0000-0000-0000000000ee"),
                tuple(Kind.DELIVERED_NOT_SETTLED, PENDING_TRADE));
    }

    @Test
    void reportsCashThatDoesNotAddUpAndLedgerViolations() {
        String exchange = exchange("SETTLED", "").replace("\"delivered\": 30", "\"delivered\": 40")
                .replace("\"expectedBalance\": 1000.0", "\"expectedBalance\": 990.00")
                .replace("\"reservations\": []", "\"reservations\": [{\"participantId\": \"" + BUYER
                        + "\", \"reserved\": 5.00, \"backed\": 0}]");
        String delivered = ", {\"tradeId\": \"" + PENDING_TRADE + "\", \"holdId\": \"" + ORDER + "\", \"quantity\": 10}";
        String registry = registry(60, 40, "", delivered).replace("\"violations\": []",
                "\"violations\": [\"conservation: P-1 vintage 2024 issued 1000 but the ledger accounts for 999\"]");

        var differences = Reconciliation.compare(json(exchange), json(registry));

        assertThat(differences).extracting(Difference::kind).containsExactlyInAnyOrder(Kind.CASH_BALANCE,
                Kind.CASH_RESERVED, Kind.LEDGER);
    }

    @Test
    void reconcilingWaitsForMessagesInFlightAndStopsOnDifferencesThatStay() {
        String delivered = ", {\"tradeId\": \"" + PENDING_TRADE + "\", \"holdId\": \"" + ORDER + "\", \"quantity\": 10}";
        AtomicInteger reads = new AtomicInteger();
        // the delivery reaches the exchange on the third read
        var settling = Reconciliation.reconcile(
                () -> json(reads.incrementAndGet() < 3 ? exchange("PENDING_DELIVERY", "")
                        : exchange("SETTLED", "").replace("\"delivered\": 30", "\"delivered\": 40")),
                () -> json(reads.get() < 3 ? registry(70, 30, "", "") : registry(60, 40, "", delivered)),
                Duration.ofSeconds(10), Duration.ofSeconds(30));
        assertThat(settling.clean()).isTrue();
        assertThat(settling.checks()).isEqualTo(3);

        var stuck = Reconciliation.reconcile(() -> json(exchange("PENDING_DELIVERY", "")),
                () -> json(registry(70, 30, "", "")), Duration.ofSeconds(1), Duration.ofSeconds(30));
        assertThat(stuck.clean()).isFalse();
        assertThat(stuck.differences()).extracting(Difference::kind).containsExactly(Kind.TRADE_PENDING);
    }
}
