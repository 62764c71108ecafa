package org.carbonsink.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A holder transferred available credits of one project and vintage to another registry account.
 * {@code serials} lists at most the first {@link SerialSummary#MAX_LISTED_RANGES} ranges;
 * {@code serialSummary} covers them all.
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
        List<SerialRange> serials,
        SerialSummary serialSummary) {

    /** From a producer that predates {@code serialSummary}. */
    public CreditsTransferred(UUID eventId, Instant occurredAt, UUID transferId, UUID projectId, int vintage,
            UUID fromHolderId, UUID toHolderId, long quantity, List<SerialRange> serials) {
        this(eventId, occurredAt, transferId, projectId, vintage, fromHolderId, toHolderId, quantity, serials, null);
    }
}
