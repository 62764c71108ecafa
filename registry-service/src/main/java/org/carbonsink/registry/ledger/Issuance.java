package org.carbonsink.registry.ledger;

import org.carbonsink.registry.ledger.core.SerialRange;
import java.time.Instant;
import java.util.UUID;

/** Credits issued for one verified monitoring report: owner's share and buffer share of one serial range. */
public record Issuance(UUID id, UUID reportId, UUID projectId, String projectCode, int vintage, long verifiedCredits,
        long ownerQuantity, long bufferQuantity, long firstSerial, long lastSerial, UUID ownerAccountId,
        Instant issuedAt) {

    public SerialRange ownerRange() {
        return ownerQuantity == 0 ? null
                : new SerialRange(projectCode, vintage, firstSerial, firstSerial + ownerQuantity - 1);
    }

    public SerialRange bufferRange() {
        return bufferQuantity == 0 ? null
                : new SerialRange(projectCode, vintage, firstSerial + ownerQuantity, lastSerial);
    }
}
