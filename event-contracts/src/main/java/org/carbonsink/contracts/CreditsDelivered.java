package org.carbonsink.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The registry moved the traded credits from the seller's hold to the buyer's account. {@code serials}
 * lists at most the first {@link SerialSummary#MAX_LISTED_RANGES} ranges; {@code serialSummary} covers them all.
 */
public record CreditsDelivered(
        UUID eventId,
        Instant occurredAt,
        UUID tradeId,
        String instrumentId,
        UUID buyerId,
        long quantity,
        List<SerialRange> serials,
        SerialSummary serialSummary) {

    /** From a producer that predates {@code serialSummary}. */
    public CreditsDelivered(UUID eventId, Instant occurredAt, UUID tradeId, String instrumentId, UUID buyerId,
            long quantity, List<SerialRange> serials) {
        this(eventId, occurredAt, tradeId, instrumentId, buyerId, quantity, serials, null);
    }
}
