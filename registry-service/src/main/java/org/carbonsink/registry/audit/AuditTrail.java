package org.carbonsink.registry.audit;

import java.util.Map;
import java.util.UUID;
import org.carbonsink.support.jdbc.Pipeline;

/**
 * The registry's tamper-evident audit log: every lifecycle change and every ledger movement is
 * appended, in the transaction of the change, as an entry that carries the SHA-256 of the entry
 * before it, so changing or deleting any entry breaks the chain from there on.
 */
public interface AuditTrail {

    /**
     * Appends an entry. {@code action} names what happened (e.g. {@code PROJECT_REGISTERED},
     * {@code CREDITS_TRANSFERRED}); {@code subjectType} and {@code subjectId} what it happened to;
     * {@code actorId} who did it (null for the system); {@code details} the facts, as JSON-ready
     * values (strings, numbers, booleans, lists, maps).
     */
    default void append(String action, String subjectType, String subjectId, UUID actorId, Map<String, ?> details) {
        append(new Pipeline(), action, subjectType, subjectId, actorId, details);
    }

    /**
     * As {@link #append(String, String, String, UUID, Map)}, with the caller's statements {@code before} sent
     * first, in the same round trip as the read of the chain's head: writes of the change the entry records
     * (each runs as if sent alone, in order, before the head is locked).
     */
    void append(Pipeline before, String action, String subjectType, String subjectId, UUID actorId,
            Map<String, ?> details);

    /**
     * As {@link #append(Pipeline, String, String, String, UUID, Map)}, but the entry's write (the entry and the
     * chain's new head) is added to {@code after}, which the caller runs in this transaction (with its own
     * writes after it, in one round trip), instead of being sent on its own.
     */
    void append(Pipeline before, Pipeline after, String action, String subjectType, String subjectId, UUID actorId,
            Map<String, ?> details);
}
