package org.carbonsink.registry.ledger;

import java.time.Instant;
import java.util.UUID;

/** Credits set aside in an account for one sell order on the exchange; the id is the order's. */
public record Hold(UUID id, UUID accountId, UUID projectId, int vintage, String instrumentId, long quantity,
        long delivered, long released, Status status, Instant createdAt) {

    public enum Status {
        ACTIVE, SPENT
    }

    public long remaining() {
        return quantity - delivered - released;
    }
}
