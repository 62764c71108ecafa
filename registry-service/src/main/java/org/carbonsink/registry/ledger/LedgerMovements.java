package org.carbonsink.registry.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carbonsink.registry.audit.AuditTrail;
import org.carbonsink.registry.ledger.core.SerialRange;
import org.carbonsink.support.jdbc.Pipeline;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.stereotype.Repository;

/**
 * Every movement of serials, twice: row by row in the append-only {@code ledger_movement} table,
 * and as one entry of the hash-chained audit trail, in the transaction of the movement.
 */
@Repository
class LedgerMovements {

    /** At most this many ranges go into one audit entry; the movement table has them all. */
    static final int RANGES_AUDITED = 100;

    enum Kind {
        ISSUE("CREDITS_ISSUED", "issuance"), HOLD("CREDITS_HELD", "hold"), DELIVER("CREDITS_DELIVERED", "trade"),
        RETIRE("CREDITS_RETIRED", "retirement"), CANCEL("CREDITS_CANCELLED", "cancellation"),
        RELEASE("CREDITS_RELEASED", "hold"), TRANSFER("CREDITS_TRANSFERRED", "transfer"),
        PLEDGE("CREDITS_ENCUMBERED", "pledge"), UNPLEDGE("CREDITS_UNENCUMBERED", "pledge"),
        ENFORCE("CREDITS_ENFORCED", "pledge");

        final String action;
        final String subjectType;

        Kind(String action, String subjectType) {
            this.action = action;
            this.subjectType = subjectType;
        }
    }

    private final AuditTrail audit;
    private final JdbcOperations template;

    LedgerMovements(AuditTrail audit, JdbcOperations template) {
        this.audit = audit;
        this.template = template;
    }

    /** Records a movement of {@code ranges} by {@code actorId} (null for the registry itself). */
    void record(Kind kind, Instant at, UUID projectId, List<SerialRange> ranges, UUID fromAccount, UUID toAccount,
            UUID referenceId, UUID actorId) {
        Pipeline after = new Pipeline();
        record(new Pipeline(), after, kind, at, projectId, ranges, fromAccount, toAccount, referenceId, actorId);
        after.run(template);
    }

    /**
     * As above, with the caller's writes {@code before} sent first, in the round trip of the movement's rows
     * (each runs as if sent alone, in order; they run even if there is no movement to record), and the audit
     * entry's write added to {@code after}, which the caller runs (with its own writes after it).
     */
    void record(Pipeline before, Pipeline after, Kind kind, Instant at, UUID projectId, List<SerialRange> ranges,
            UUID fromAccount, UUID toAccount, UUID referenceId, UUID actorId) {
        if (ranges.isEmpty()) {
            before.run(template);
            return;
        }
        // the rows go in the audit entry's first round trip, before the chain's head is locked
        Pipeline rows = before;
        for (SerialRange range : ranges) {
            rows.update("insert into ledger_movement (at, kind, project_id, vintage, first_serial, last_serial, "
                    + "from_account_id, to_account_id, reference_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Timestamp.from(at), kind.name(), projectId, range.vintage(), range.first(), range.last(),
                    fromAccount, toAccount, referenceId);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("projectId", projectId.toString());
        details.put("vintage", ranges.get(0).vintage());
        details.put("quantity", ranges.stream().mapToLong(SerialRange::quantity).sum());
        details.put("fromAccountId", fromAccount == null ? null : fromAccount.toString());
        details.put("toAccountId", toAccount == null ? null : toAccount.toString());
        details.put("rangeCount", ranges.size());
        details.put("serials", ranges.stream().limit(RANGES_AUDITED).map(SerialRange::serial).toList());
        audit.append(rows, after, kind.action, kind.subjectType, referenceId.toString(), actorId, details);
    }
}
