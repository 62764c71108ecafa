package org.carbonsink.trading.reconciliation;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.carbonsink.trading.cash.CashMismatch;

/**
 * The exchange's side of every settlement at one moment; {@code reservations} are the accounts whose
 * reserved cash differs from what it backs ({@code ReservedCash}).
 */
public record SettlementSnapshot(List<HoldClaim> holds, List<TradeState> trades, List<CashState> cash,
        List<CashMismatch> reservations) {

    /**
     * What the exchange expects of the registry's hold {@code holdId} (the id of a sell order, block
     * trade or auction): {@code remaining} still held (the open part plus trades awaiting delivery),
     * {@code delivered} to buyers (its settled trades). {@code awaitingHold}: the exchange has asked
     * for the hold and has no answer yet.
     */
    public record HoldClaim(UUID holdId, String kind, String status, boolean awaitingHold, long remaining,
            long delivered) {
    }

    public record TradeState(UUID tradeId, UUID holdId, String venue, String status, long quantity) {
    }

    /** A cash account's {@code balance} against its deposits − withdrawals + sales − purchases settled. */
    public record CashState(UUID participantId, BigDecimal balance, BigDecimal expectedBalance) {
    }
}
