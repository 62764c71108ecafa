package org.carbonsink.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The registry cancelled credits: {@code kind} is {@code VOLUNTARY} (by their holder),
 * {@code REVOCATION} (the project was revoked; held credits leave their holds, so deliveries of
 * them fail) or {@code REVERSAL} (buffer credits covering a loss). They never move again.
 * {@code serials} lists at most the first {@link SerialSummary#MAX_LISTED_RANGES} ranges;
 * {@code serialSummary} covers them all.
 */
public record CreditsCancelled(
        UUID eventId,
        Instant occurredAt,
        UUID cancellationId,
        UUID projectId,
        int vintage,
        UUID holderId,
        long quantity,
        String kind,
        String reason,
        List<SerialRange> serials,
        SerialSummary serialSummary) {

    /** From a producer that predates {@code serialSummary}. */
    public CreditsCancelled(UUID eventId, Instant occurredAt, UUID cancellationId, UUID projectId, int vintage,
            UUID holderId, long quantity, String kind, String reason, List<SerialRange> serials) {
        this(eventId, occurredAt, cancellationId, projectId, vintage, holderId, quantity, kind, reason, serials, null);
    }
}
