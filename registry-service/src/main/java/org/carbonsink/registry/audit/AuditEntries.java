package org.carbonsink.registry.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carbonsink.support.json.CanonicalJson;
import org.carbonsink.support.jdbc.Pipeline;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The audit trail in PostgreSQL: appends under the head's row lock, reads in chain order. */
@Component
class AuditEntries implements AuditTrail {

    private final JdbcClient jdbc;
    private final JdbcOperations template;
    private final Clock clock;

    AuditEntries(JdbcClient jdbc, JdbcOperations template, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    /** Joins the caller's transaction: the entry commits or rolls back with the change it records. */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(Pipeline before, String action, String subjectType, String subjectId, UUID actorId,
            Map<String, ?> details) {
        Pipeline entry = new Pipeline();
        append(before, entry, action, subjectType, subjectId, actorId, details);
        entry.run(template);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(Pipeline before, Pipeline after, String action, String subjectType, String subjectId,
            UUID actorId, Map<String, ?> details) {
        String canonical = CanonicalJson.write(details == null ? Map.of() : details);
        int step = before.size();
        Head head = before.query("select seq, hash from audit_head for update",
                (rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash"))).run(template).<Head>rows(step).get(0);
        long seq = head.seq() + 1;
        Instant at = ChainHash.stored(clock.instant());
        String hash = ChainHash.of(seq, at, action, subjectType, subjectId, actorId, canonical, head.hash());
        // the entry and the new head in one statement (every ledger movement waits on the head's lock)
        after.update("""
                with entry as (
                    insert into audit_entry (seq, recorded_at, action, subject_type, subject_id, actor_id, details,
                                             previous_hash, hash)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    returning seq, hash)
                update audit_head set seq = entry.seq, hash = entry.hash from entry
                """, seq, Timestamp.from(at), action, subjectType, subjectId, actorId, canonical, head.hash(), hash);
    }

    /** Up to {@code limit} entries after {@code afterSeq}, in chain order. */
    List<AuditEntry> after(long afterSeq, int limit) {
        return jdbc.sql("select * from audit_entry where seq > :after order by seq limit :limit")
                .param("after", afterSeq).param("limit", limit).query(AuditEntries::entry).list();
    }

    /** Up to {@code limit} entries about one subject after {@code afterSeq}, in chain order. */
    List<AuditEntry> about(String subjectType, String subjectId, long afterSeq, int limit) {
        return jdbc.sql("""
                select * from audit_entry where subject_type = :type and subject_id = :id and seq > :after
                order by seq limit :limit
                """).param("type", subjectType).param("id", subjectId).param("after", afterSeq).param("limit", limit)
                .query(AuditEntries::entry).list();
    }

    Head head() {
        return jdbc.sql("select seq, hash from audit_head")
                .query((rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash"))).single();
    }

    record Head(long seq, String hash) {
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        String actor = rs.getString("actor_id");
        return new AuditEntry(rs.getLong("seq"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("action"),
                rs.getString("subject_type"), rs.getString("subject_id"), actor == null ? null : UUID.fromString(actor),
                rs.getString("details"), rs.getString("previous_hash"), rs.getString("hash"));
    }
}
