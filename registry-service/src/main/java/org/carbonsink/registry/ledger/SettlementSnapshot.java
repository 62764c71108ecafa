package org.carbonsink.registry.ledger;

import java.util.List;
import java.util.UUID;

/**
 * The registry's side of every exchange settlement at one moment, for the cross-service
 * reconciliation (docs/reliability.md): each hold (its id is the exchange's order, block trade or
 * auction), each refused hold, each delivery by trade, and the ledger check.
 */
public record SettlementSnapshot(List<HoldState> holds, List<UUID> rejectedHolds, List<DeliveryState> deliveries,
        LedgerState ledger) {

    public record HoldState(UUID holdId, long quantity, long remaining, long delivered, long released,
            long cancelled, String status) {
    }

    public record DeliveryState(UUID tradeId, UUID holdId, long quantity) {
    }

    /** {@link LedgerCheck}'s verdict, with the totals over every project and vintage. */
    public record LedgerState(boolean sound, List<String> violations, long issued, long available, long held,
            long retired, long cancelled, long buffer) {
    }
}
