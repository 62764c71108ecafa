package org.carbonsink.registry.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Holds {

    private static final String SELECT = "select id, account_id, project_id, vintage, instrument_id, quantity, "
            + "delivered, released, cancelled, status, created_at from hold ";

    /** Hold {@code ?3} delivers {@code ?1} (= {@code ?2}) credits; spent once nothing is left. */
    static final String DELIVER = "update hold set delivered = delivered + ?, "
            + "status = case when delivered + released + cancelled + ? = quantity then 'SPENT' else 'ACTIVE' end "
            + "where id = ?";

    /** Hold {@code ?}, locked, with the participant whose account it is on (the account read, not locked). */
    static final String LOCK_WITH_OWNER = "select h.id, h.account_id, h.project_id, h.vintage, h.instrument_id, "
            + "h.quantity, h.delivered, h.released, h.cancelled, h.status, h.created_at, a.participant_id as owner_id "
            + "from hold h join account a on a.id = h.account_id where h.id = ? for update of h";

    private final JdbcClient jdbc;

    Holds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Hold h) {
        jdbc.sql("insert into hold (id, account_id, project_id, vintage, instrument_id, quantity, delivered, status, "
                + "created_at) values (:id, :account, :project, :vintage, :instrument, :quantity, 0, 'ACTIVE', :at)")
                .param("id", h.id()).param("account", h.accountId()).param("project", h.projectId())
                .param("vintage", h.vintage()).param("instrument", h.instrumentId()).param("quantity", h.quantity())
                .param("at", Timestamp.from(h.createdAt())).update();
    }

    void reject(UUID holdId, String reason, Instant at) {
        jdbc.sql("insert into hold_rejection (hold_id, reason, rejected_at) values (:id, :reason, :at)")
                .param("id", holdId).param("reason", reason).param("at", Timestamp.from(at)).update();
    }

    /** Why the hold was refused, if it was. */
    Optional<String> rejection(UUID holdId) {
        return jdbc.sql("select reason from hold_rejection where hold_id = :id").param("id", holdId)
                .query(String.class).optional();
    }

    boolean known(UUID holdId) {
        return jdbc.sql("select exists (select 1 from hold where id = :id) or exists "
                + "(select 1 from hold_rejection where hold_id = :id)").param("id", holdId).query(Boolean.class).single();
    }

    Optional<Hold> lock(UUID holdId) {
        return jdbc.sql(SELECT + "where id = :id for update").param("id", holdId).query(Holds::map).optional();
    }

    /** The hold without locking it: its account, project and vintage never change. */
    Optional<Hold> find(UUID holdId) {
        return jdbc.sql(SELECT + "where id = :id").param("id", holdId).query(Holds::map).optional();
    }

    /** The project's active holds, locked in id order (the order every locker of several holds uses). */
    java.util.List<Hold> lockActive(UUID projectId) {
        return jdbc.sql(SELECT + "where project_id = :project and status = 'ACTIVE' order by id for update")
                .param("project", projectId).query(Holds::map).list();
    }

    void cancel(UUID holdId, long quantity) {
        jdbc.sql("update hold set cancelled = cancelled + :q, "
                + "status = case when delivered + released + cancelled + :q = quantity then 'SPENT' else 'ACTIVE' end "
                + "where id = :id").param("q", quantity).param("id", holdId).update();
    }

    void release(UUID holdId, long quantity) {
        jdbc.sql("update hold set released = released + :q, "
                + "status = case when delivered + released + cancelled + :q = quantity then 'SPENT' else 'ACTIVE' end "
                + "where id = :id")
                .param("q", quantity).param("id", holdId).update();
    }

    static Hold map(ResultSet rs, int row) throws SQLException {
        return new Hold(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getObject("project_id", UUID.class), rs.getInt("vintage"), rs.getString("instrument_id"),
                rs.getLong("quantity"), rs.getLong("delivered"), rs.getLong("released"), rs.getLong("cancelled"),
                Hold.Status.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant());
    }
}
