package org.carbonsink.registry.ledger;

import org.carbonsink.registry.ledger.core.SerialRange;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Credits taken out of circulation without a beneficiary: by their holder ({@code VOLUNTARY}, for
 * example moved to another programme), by the revocation of their project ({@code REVOCATION}),
 * or from the buffer pool to cover a reversal ({@code REVERSAL}). Cancelled serials never move
 * again. {@code serials} lists at most the first {@link #SERIALS_SHOWN} ranges.
 */
public record Cancellation(UUID id, UUID accountId, UUID holderId, UUID projectId, String projectCode, int vintage,
        long quantity, Kind kind, String reason, UUID cancelledBy, UUID reversalId, Instant cancelledAt,
        List<SerialRange> serials) {

    public static final int SERIALS_SHOWN = 100;

    public enum Kind {
        VOLUNTARY, REVOCATION, REVERSAL
    }
}
