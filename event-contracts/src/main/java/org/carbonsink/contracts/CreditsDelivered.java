package org.carbonsink.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The registry moved the traded credits from the seller's hold to the buyer's account. */
public record CreditsDelivered(
        UUID eventId,
        Instant occurredAt,
        UUID tradeId,
        String instrumentId,
        UUID buyerId,
        long quantity,
        List<SerialRange> serials) {
}
