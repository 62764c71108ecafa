package org.carbonsink.registry.ledger;

import org.carbonsink.registry.ledger.core.SerialRange;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Credits of one project and vintage moved from one holding account to another. */
public record Transfer(UUID id, UUID fromAccountId, UUID toAccountId, UUID fromHolderId, UUID toHolderId,
        UUID projectId, String projectCode, int vintage, long quantity, Instant transferredAt,
        List<SerialRange> serials) {
}
