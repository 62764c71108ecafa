package org.carbonsink.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Two orders matched. The registry delivers {@code quantity} credits from the hold of the sell
 * order ({@code holdId}) to the buyer. {@code price} is per tCO2e in {@code currency}.
 */
public record TradeExecuted(
        UUID eventId,
        Instant occurredAt,
        UUID tradeId,
        String instrumentId,
        UUID holdId,
        UUID sellerId,
        UUID buyerId,
        long quantity,
        BigDecimal price,
        String currency) {
}
