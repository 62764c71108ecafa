package org.carbonsink.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * The exchange has waited past its deadline for the delivery of trade {@code tradeId} and asks the
 * registry what its ledger says. Sent on the topic of {@link TradeExecuted} with the same key, so the
 * registry reads it after the trade it asks about; answered by {@link DeliveryStateReported}.
 */
public record DeliveryStateRequested(
        UUID eventId,
        Instant occurredAt,
        UUID tradeId,
        String instrumentId) {
}
