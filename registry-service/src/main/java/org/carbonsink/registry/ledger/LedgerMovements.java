package org.carbonsink.registry.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carbonsink.registry.audit.AuditTrail;
import org.carbonsink.registry.ledger.core.SerialRange;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    LedgerMovements(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Records a movement of {@code ranges} by {@code actorId} (null for the registry itself). */
    void record(Kind kind, Instant at, UUID projectId, List<SerialRange> ranges, UUID fromAccount, UUID toAccount,
            UUID referenceId, UUID actorId) {
        for (SerialRange range : ranges) {
            jdbc.sql("insert into ledger_movement (at, kind, project_id, vintage, first_serial, last_serial, "
                    + "from_account_id, to_account_id, reference_id) values (:at, :kind, :project, :vintage, :first, "
                    + ":last, :from, :to, :reference)")
                    .param("at", Timestamp.from(at)).param("kind", kind.name()).param("project", projectId)
                    .param("vintage", range.vintage()).param("first", range.first()).param("last", range.last())
                    .param("from", fromAccount).param("to", toAccount).param("reference", referenceId).update();
        }
        if (ranges.isEmpty()) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("projectId", projectId.toString());
        details.put("vintage", ranges.get(0).vintage());
        details.put("quantity", ranges.stream().mapToLong(SerialRange::quantity).sum());
        details.put("fromAccountId", fromAccount == null ? null : fromAccount.toString());
        details.put("toAccountId", toAccount == null ? null : toAccount.toString());
        details.put("rangeCount", ranges.size());
        details.put("serials", ranges.stream().limit(RANGES_AUDITED).map(SerialRange::serial).toList());
        audit.append(kind.action, kind.subjectType, referenceId.toString(), actorId, details);
    }
}
