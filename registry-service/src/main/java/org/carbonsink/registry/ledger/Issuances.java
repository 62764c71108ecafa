package org.carbonsink.registry.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Issuances {

    private static final String SELECT = "select i.id, i.report_id, i.project_id, p.code as project_code, i.vintage, "
            + "i.verified_credits, i.owner_quantity, i.buffer_quantity, i.first_serial, i.last_serial, "
            + "i.owner_account_id, i.issued_at from issuance i join project p on p.id = i.project_id ";

    private final JdbcClient jdbc;

    Issuances(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Issuance i) {
        jdbc.sql("insert into issuance (id, report_id, project_id, vintage, verified_credits, owner_quantity, "
                + "buffer_quantity, first_serial, last_serial, owner_account_id, issued_at) values (:id, :report, "
                + ":project, :vintage, :verified, :owner, :buffer, :first, :last, :account, :at)")
                .param("id", i.id()).param("report", i.reportId()).param("project", i.projectId())
                .param("vintage", i.vintage()).param("verified", i.verifiedCredits()).param("owner", i.ownerQuantity())
                .param("buffer", i.bufferQuantity()).param("first", i.firstSerial()).param("last", i.lastSerial())
                .param("account", i.ownerAccountId()).param("at", Timestamp.from(i.issuedAt())).update();
    }

    public Optional<Issuance> find(UUID id) {
        return jdbc.sql(SELECT + "where i.id = :id").param("id", id).query(Issuances::map).optional();
    }

    boolean issuedFor(UUID reportId) {
        return jdbc.sql("select exists (select 1 from issuance where report_id = :report)").param("report", reportId)
                .query(Boolean.class).single();
    }

    /**
     * One page after {@code after}, oldest first and, among the issuances of one report (issued in one
     * transaction, at one time), in serial order, which is vintage order; {@code projectId} narrows it.
     * The cursor still names the last issuance by its time and id: its first serial places it.
     */
    public List<Issuance> list(UUID projectId, Keyset after, int limit) {
        return jdbc.sql(SELECT + "where (cast(:project as uuid) is null or i.project_id = :project) "
                + "and (i.issued_at, i.first_serial) > (:at, coalesce((select c.first_serial from issuance c "
                + "where c.id = :id), 0)) order by i.issued_at, i.first_serial limit :limit")
                .param("project", projectId).param("at", Timestamp.from(after.at())).param("id", after.id())
                .param("limit", limit).query(Issuances::map).list();
    }

    public long count(UUID projectId) {
        return jdbc.sql("select count(*) from issuance where (cast(:project as uuid) is null or project_id = :project)")
                .param("project", projectId).query(Long.class).single();
    }

    private static Issuance map(ResultSet rs, int row) throws SQLException {
        return new Issuance(rs.getObject("id", UUID.class), rs.getObject("report_id", UUID.class),
                rs.getObject("project_id", UUID.class), rs.getString("project_code"), rs.getInt("vintage"),
                rs.getLong("verified_credits"), rs.getLong("owner_quantity"), rs.getLong("buffer_quantity"),
                rs.getLong("first_serial"), rs.getLong("last_serial"), rs.getObject("owner_account_id", UUID.class),
                rs.getTimestamp("issued_at").toInstant());
    }
}
