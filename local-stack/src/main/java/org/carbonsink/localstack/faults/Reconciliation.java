package org.carbonsink.localstack.faults;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * The administrator's cross-service reconciliation: compares the exchange's settlement snapshot
 * ({@code GET /admin/reconciliation/snapshot} on the trading service) with the registry's (the same
 * path on the registry) and lists every difference, with both sides' values.
 *
 * <p>Messages in flight make the two sides differ for a moment (a hold requested and not yet
 * answered, a delivery not yet settled), so {@link #reconcile} checks again until the report is
 * clean, or the same differences have stayed for {@code stableFor}, or {@code timeout} has passed.
 */
public final class Reconciliation {

    /** One difference: {@code id} is the hold (order, block trade, auction), trade or account it is about. */
    public record Difference(Kind kind, String id, String exchange, String registry) {

        @Override
        public String toString() {
            return kind + " " + id + ": exchange " + exchange + ", registry " + registry;
        }
    }

    public enum Kind {
        /** The exchange still waits for the answer on a hold the registry has answered, or not received. */
        HOLD_AWAITED,
        /** The exchange counts on credits held (or delivered) for it and the registry has no such hold. */
        HOLD_MISSING,
        /** A registry hold no order, block trade or auction of the exchange knows. */
        HOLD_WITHOUT_ORDER,
        /** The credits still held differ from the open part plus the trades awaiting delivery. */
        HELD_QUANTITY,
        /** The credits delivered from a hold differ from its settled trades. */
        DELIVERED_QUANTITY,
        /** A trade SETTLED at the exchange whose credits the registry never delivered. */
        SETTLED_NOT_DELIVERED,
        /** Credits delivered for a trade the exchange has as awaiting delivery or FAILED. */
        DELIVERED_NOT_SETTLED,
        /** A trade awaiting delivery with no delivery yet: in flight, a difference only if it stays. */
        TRADE_PENDING,
        /** A delivery whose quantity or hold differs from its trade's. */
        DELIVERY_MISMATCH,
        /** A delivery for a trade the exchange does not know. */
        DELIVERY_WITHOUT_TRADE,
        /** A cash balance that is not its deposits − withdrawals + settled sales − settled purchases. */
        CASH_BALANCE,
        /** Reserved cash that differs from the orders, bids and trades it backs. */
        CASH_RESERVED,
        /** A violation the registry's ledger check reports. */
        LEDGER
    }

    /** The outcome: {@code differences} empty when both sides agree; {@code checks} made in {@code took}. */
    public record Report(List<Difference> differences, int checks, Duration took) {

        public boolean clean() {
            return differences.isEmpty();
        }
    }

    private Reconciliation() {
    }

    /**
     * Compares until the two sides agree, or the same differences stay for {@code stableFor}, or
     * {@code timeout} passes; a snapshot that cannot be read counts as a check that failed.
     */
    public static Report reconcile(Supplier<JsonNode> exchange, Supplier<JsonNode> registry, Duration stableFor,
            Duration timeout) {
        Instant begin = Instant.now();
        Instant deadline = begin.plus(timeout);
        List<Difference> last = null;
        Instant lastChanged = begin;
        int checks = 0;
        while (true) {
            List<Difference> now;
            try {
                now = compare(exchange.get(), registry.get());
            } catch (RuntimeException e) {
                if (!Instant.now().isBefore(deadline)) {
                    throw new IllegalStateException("no snapshot could be read before the timeout", e);
                }
                sleep();
                continue;
            }
            checks++;
            if (now.isEmpty()) {
                return new Report(now, checks, Duration.between(begin, Instant.now()));
            }
            if (!now.equals(last)) {
                last = now;
                lastChanged = Instant.now();
            }
            Instant at = Instant.now();
            if (!at.isBefore(lastChanged.plus(stableFor)) || !at.isBefore(deadline)) {
                return new Report(now, checks, Duration.between(begin, at));
            }
            sleep();
        }
    }

    /** Every difference between one snapshot of each side. */
    public static List<Difference> compare(JsonNode exchange, JsonNode registry) {
        List<Difference> differences = new ArrayList<>();
        Map<String, JsonNode> holds = byId(registry.get("holds"), "holdId");
        Set<String> rejected = new HashSet<>();
        registry.get("rejectedHolds").forEach(id -> rejected.add(id.asString()));
        Map<String, JsonNode> deliveries = byId(registry.get("deliveries"), "tradeId");
        Map<String, JsonNode> claims = byId(exchange.get("holds"), "holdId");

        claims.forEach((id, claim) -> {
            JsonNode hold = holds.get(id);
            String expected = "remaining " + claim.get("remaining").asLong() + ", delivered "
                    + claim.get("delivered").asLong() + " (" + claim.get("kind").asString() + " "
                    + claim.get("status").asString() + ")";
            if (claim.get("awaitingHold").asBoolean()) {
                differences.add(new Difference(Kind.HOLD_AWAITED, id, expected,
                        hold != null ? "holds " + hold.get("remaining").asLong()
                                : rejected.contains(id) ? "rejected the hold" : "no hold"));
            } else if (hold == null) {
                if (claim.get("remaining").asLong() != 0 || claim.get("delivered").asLong() != 0) {
                    differences.add(new Difference(Kind.HOLD_MISSING, id, expected,
                            rejected.contains(id) ? "rejected the hold" : "no hold"));
                }
            } else {
                String actual = "remaining " + hold.get("remaining").asLong() + ", delivered "
                        + hold.get("delivered").asLong() + " (" + hold.get("status").asString() + ")";
                if (claim.get("remaining").asLong() != hold.get("remaining").asLong()) {
                    differences.add(new Difference(Kind.HELD_QUANTITY, id, expected, actual));
                }
                if (claim.get("delivered").asLong() != hold.get("delivered").asLong()) {
                    differences.add(new Difference(Kind.DELIVERED_QUANTITY, id, expected, actual));
                }
            }
        });
        holds.forEach((id, hold) -> {
            if (!claims.containsKey(id)) {
                differences.add(new Difference(Kind.HOLD_WITHOUT_ORDER, id, "no order, block trade or auction",
                        "holds " + hold.get("remaining").asLong() + " of " + hold.get("quantity").asLong()
                                + ", delivered " + hold.get("delivered").asLong()));
            }
        });

        Map<String, JsonNode> trades = byId(exchange.get("trades"), "tradeId");
        trades.forEach((id, trade) -> {
            JsonNode delivery = deliveries.get(id);
            String status = trade.get("status").asString();
            String seen = status + " " + trade.get("quantity").asLong() + " from hold " + trade.get("holdId").asString();
            if (delivery == null) {
                if (status.equals("SETTLED")) {
                    differences.add(new Difference(Kind.SETTLED_NOT_DELIVERED, id, seen, "no delivery"));
                } else if (status.equals("PENDING_DELIVERY")) {
                    differences.add(new Difference(Kind.TRADE_PENDING, id, seen, "no delivery"));
                }
                return;
            }
            String delivered = "delivered " + delivery.get("quantity").asLong() + " from hold "
                    + delivery.get("holdId").asString();
            if (!status.equals("SETTLED")) {
                differences.add(new Difference(Kind.DELIVERED_NOT_SETTLED, id, seen, delivered));
            }
            if (trade.get("quantity").asLong() != delivery.get("quantity").asLong()
                    || !Objects.equals(trade.get("holdId").asString(), delivery.get("holdId").asString())) {
                differences.add(new Difference(Kind.DELIVERY_MISMATCH, id, seen, delivered));
            }
        });
        deliveries.forEach((id, delivery) -> {
            if (!trades.containsKey(id)) {
                differences.add(new Difference(Kind.DELIVERY_WITHOUT_TRADE, id, "no trade",
                        "delivered " + delivery.get("quantity").asLong() + " from hold "
                                + delivery.get("holdId").asString()));
            }
        });

        exchange.get("cash").forEach(account -> {
            BigDecimal balance = account.get("balance").decimalValue();
            BigDecimal expected = account.get("expectedBalance").decimalValue();
            if (balance.compareTo(expected) != 0) {
                differences.add(new Difference(Kind.CASH_BALANCE, account.get("participantId").asString(),
                        "balance " + balance + ", movements and settled trades make " + expected, "-"));
            }
        });
        exchange.get("reservations").forEach(account -> differences.add(new Difference(Kind.CASH_RESERVED,
                account.get("participantId").asString(), "reserved " + account.get("reserved").decimalValue()
                        + ", backs " + account.get("backed").decimalValue(), "-")));
        registry.get("ledger").get("violations").forEach(violation -> differences.add(
                new Difference(Kind.LEDGER, "ledger", "-", violation.asString())));
        return List.copyOf(differences);
    }

    private static Map<String, JsonNode> byId(JsonNode array, String field) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        array.forEach(node -> map.put(node.get(field).asString(), node));
        return map;
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
