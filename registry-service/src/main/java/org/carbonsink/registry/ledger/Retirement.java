package org.carbonsink.registry.ledger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Credits retired (注销) for a named beneficiary and purpose; their serials never move again. */
public record Retirement(UUID id, UUID accountId, UUID holderId, UUID projectId, String projectCode, int vintage,
        long quantity, String beneficiary, String purpose, Instant retiredAt, List<SerialRange> serials) {
}
