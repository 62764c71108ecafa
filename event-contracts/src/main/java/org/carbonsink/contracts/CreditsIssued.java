package org.carbonsink.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * The registry issued credits for a verified monitoring report: {@code ownerSerials} to the owner's
 * account and {@code bufferSerials} (possibly null when the buffer share is zero) to the buffer pool.
 */
public record CreditsIssued(
        UUID eventId,
        Instant occurredAt,
        UUID issuanceId,
        UUID reportId,
        UUID projectId,
        String projectCode,
        int vintage,
        UUID ownerId,
        long quantity,
        long bufferQuantity,
        SerialRange ownerSerials,
        SerialRange bufferSerials) {
}
