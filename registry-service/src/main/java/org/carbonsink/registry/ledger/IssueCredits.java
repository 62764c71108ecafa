package org.carbonsink.registry.ledger;

import java.util.List;
import java.util.UUID;

/**
 * Issue the credits of a verified monitoring report: per vintage (calendar year of removal), the
 * verified credits, of which {@code bufferCredits} go to the buffer pool.
 */
public record IssueCredits(UUID reportId, UUID projectId, UUID ownerId, long verifiedCredits, long bufferCredits,
        List<VintageCredits> vintages) {

    public IssueCredits {
        vintages = List.copyOf(vintages);
    }

    public record VintageCredits(int vintage, long credits, long bufferCredits) {
    }
}
