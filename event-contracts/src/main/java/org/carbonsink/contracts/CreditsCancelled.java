package org.carbonsink.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The registry cancelled credits: {@code kind} is {@code VOLUNTARY} (by their holder),
 * {@code REVOCATION} (the project was revoked; held credits leave their holds, so deliveries of
 * them fail) or {@code REVERSAL} (buffer credits covering a loss). They never move again.
 * {@code serials} lists at most the first 100 ranges.
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
        List<SerialRange> serials) {
}
