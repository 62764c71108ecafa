package org.carbonsink.registry.ledger;

import java.time.Instant;
import java.util.UUID;

/**
 * Credits set aside in an account for one sell order on the exchange; the id is the order's.
 * What was held leaves the hold by delivery to a buyer, release back to the seller, or
 * cancellation when the project is revoked.
 */
public record Hold(UUID id, UUID accountId, UUID projectId, int vintage, String instrumentId, long quantity,
        long delivered, long released, long cancelled, Status status, Instant createdAt) {

    public enum Status {
        ACTIVE, SPENT
    }

    public long remaining() {
        return quantity - delivered - released - cancelled;
    }
}
