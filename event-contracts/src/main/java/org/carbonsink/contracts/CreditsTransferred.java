package org.carbonsink.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A holder transferred available credits of one project and vintage to another registry account.
 * {@code serials} lists at most the first 100 ranges moved.
 */
public record CreditsTransferred(
        UUID eventId,
        Instant occurredAt,
        UUID transferId,
        UUID projectId,
        int vintage,
        UUID fromHolderId,
        UUID toHolderId,
        long quantity,
        List<SerialRange> serials) {
}
