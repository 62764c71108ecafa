package org.carbonsink.registry.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only audit trail of every movement of serials. */
@Repository
class LedgerMovements {

    enum Kind {
        ISSUE, HOLD, DELIVER, RETIRE, CANCEL, RELEASE, TRANSFER
    }

    private final JdbcClient jdbc;

    LedgerMovements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(Kind kind, Instant at, UUID projectId, List<SerialRange> ranges, UUID fromAccount, UUID toAccount,
            UUID referenceId) {
        for (SerialRange range : ranges) {
            jdbc.sql("insert into ledger_movement (at, kind, project_id, vintage, first_serial, last_serial, "
                    + "from_account_id, to_account_id, reference_id) values (:at, :kind, :project, :vintage, :first, "
                    + ":last, :from, :to, :reference)")
                    .param("at", Timestamp.from(at)).param("kind", kind.name()).param("project", projectId)
                    .param("vintage", range.vintage()).param("first", range.first()).param("last", range.last())
                    .param("from", fromAccount).param("to", toAccount).param("reference", referenceId).update();
        }
    }
}
