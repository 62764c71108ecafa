package org.carbonsink.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * The registry's ledger on the hold {@code holdId}, answering {@link HoldStateRequested}: {@code state}
 * is {@code HELD} ({@code quantity} credits were held for it) or {@code NOT_HELD} (the hold was refused,
 * or was never asked for: the registry then refuses it for good, so it can never be held later;
 * {@code reason} says which). The answer is final.
 */
public record HoldStateReported(
        UUID eventId,
        Instant occurredAt,
        UUID holdId,
        String instrumentId,
        String state,
        long quantity,
        String reason) {

    public static final String HELD = "HELD";
    public static final String NOT_HELD = "NOT_HELD";
}
