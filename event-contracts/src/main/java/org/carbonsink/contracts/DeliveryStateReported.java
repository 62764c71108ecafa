package org.carbonsink.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * The registry's ledger on the delivery of trade {@code tradeId}, answering {@link DeliveryStateRequested}:
 * {@code state} is {@code DELIVERED} ({@code quantity} credits went to {@code buyerId}) or
 * {@code NOT_DELIVERED} (refused with {@code code} and {@code reason}, or never received: the registry
 * then refuses it for good, so it can never be delivered later). The answer is final.
 */
public record DeliveryStateReported(
        UUID eventId,
        Instant occurredAt,
        UUID tradeId,
        String instrumentId,
        String state,
        UUID buyerId,
        long quantity,
        String code,
        String reason) {

    public static final String DELIVERED = "DELIVERED";
    public static final String NOT_DELIVERED = "NOT_DELIVERED";
}
