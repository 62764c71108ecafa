package org.carbonsink.registry.audit;

import java.time.Instant;
import java.util.UUID;

/** One stored entry of the audit trail; {@code details} is the canonical JSON that was hashed. */
public record AuditEntry(long seq, Instant recordedAt, String action, String subjectType, String subjectId,
        UUID actorId, String details, String previousHash, String hash) {

    /** The hash this entry should carry, recomputed from its own fields. */
    public String expectedHash() {
        return ChainHash.of(seq, recordedAt, action, subjectType, subjectId, actorId, details, previousHash);
    }
}
