package org.carbonsink.registry.pledge;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carbonsink.registry.ledger.Keyset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Pledges, with their lender's name and project code; the reads that feed a change lock the row. */
@Repository
public class Pledges {

    private static final String SELECT = "select g.*, l.name as lender_name, p.code as project_code from pledge g "
            + "join participant l on l.id = g.lender_id join project p on p.id = g.project_id ";

    /** The facts of a project a pledge needs, read with the project row share-locked. */
    record ProjectFacts(UUID id, String code, UUID ownerId, String status) {
    }

    private final JdbcClient jdbc;

    Pledges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The project row in share mode: the first lock of every pledge change (package-info). */
    Optional<ProjectFacts> shareProject(UUID projectId) {
        return jdbc.sql("select id, code, owner_id, status from project where id = :id for share")
                .param("id", projectId)
                .query((rs, n) -> new ProjectFacts(rs.getObject("id", UUID.class), rs.getString("code"),
                        rs.getObject("owner_id", UUID.class), rs.getString("status")))
                .optional();
    }

    /** Whether the registry has the project, in whatever state: its register exists, empty or not. */
    public boolean hasProject(UUID projectId) {
        return jdbc.sql("select exists (select 1 from project where id = :id)").param("id", projectId)
                .query(Boolean.class).single();
    }

    void add(Pledge p) {
        jdbc.sql("""
                insert into pledge (id, kind, pledgor_id, pledgor_account_id, lender_id, lender_account_id, project_id,
                    vintage, quantity, covered, loan_reference, secured_amount, currency, maturity_date, state, created_at)
                values (:id, :kind, :pledgor, :pledgorAccount, :lender, :lenderAccount, :project, :vintage, :quantity,
                    :covered, :reference, :amount, :currency, :maturity, 'ACTIVE', :at)
                """).param("id", p.id()).param("kind", p.kind().name()).param("pledgor", p.pledgorId())
                .param("pledgorAccount", p.pledgorAccountId()).param("lender", p.lenderId())
                .param("lenderAccount", p.lenderAccountId()).param("project", p.projectId())
                .param("vintage", p.vintage()).param("quantity", p.quantity()).param("covered", p.covered())
                .param("reference", p.terms().loanReference()).param("amount", p.terms().securedAmount())
                .param("currency", p.terms().currency()).param("maturity", Date.valueOf(p.terms().maturityDate()))
                .param("at", Timestamp.from(p.createdAt())).update();
    }

    /** Stores what a step changed: the counters, the state, the enforcement request, the void. */
    void save(Pledge p) {
        jdbc.sql("""
                update pledge set covered = :covered, released = :released, waived = :waived, enforced = :enforced,
                    cancelled = :cancelled, state = :state, closed_at = :closed, enforcement_requested_at = :requested,
                    enforcement_grounds = :grounds, enforcement_reason = :reason, void_reason = :void
                where id = :id
                """).param("id", p.id()).param("covered", p.covered()).param("released", p.released())
                .param("waived", p.waived()).param("enforced", p.enforced()).param("cancelled", p.cancelled())
                .param("state", p.state().name()).param("closed", timestamp(p.closedAt()))
                .param("requested", timestamp(p.enforcementRequestedAt()))
                .param("grounds", p.enforcementGrounds() == null ? null : p.enforcementGrounds().name())
                .param("reason", p.enforcementReason())
                .param("void", p.voidReason()).update();
    }

    public Optional<Pledge> find(UUID id) {
        return jdbc.sql(SELECT + "where g.id = :id").param("id", id).query(Pledges::map).optional();
    }

    Optional<Pledge> lock(UUID id) {
        return jdbc.sql(SELECT + "where g.id = :id for update of g").param("id", id).query(Pledges::map).optional();
    }

    /** The owner's standing pledges of the project's future issuance not yet covered, oldest first, locked. */
    List<Pledge> lockUncovered(UUID projectId, UUID ownerId) {
        return jdbc.sql(SELECT + "where g.project_id = :project and g.pledgor_id = :owner and g.kind = 'FUTURE_ISSUANCE' "
                + "and g.state = 'ACTIVE' and g.quantity - g.covered - g.waived > 0 order by g.created_at, g.id "
                + "for update of g").param("project", projectId).param("owner", ownerId).query(Pledges::map).list();
    }

    /** The standing pledges of the project's future issuance, oldest first. */
    List<Pledge> standingFuture(UUID projectId) {
        return jdbc.sql(SELECT + "where g.project_id = :project and g.kind = 'FUTURE_ISSUANCE' and g.state = 'ACTIVE' "
                + "order by g.created_at, g.id").param("project", projectId).query(Pledges::map).list();
    }

    /** Every standing pledge on the project, oldest first, locked. */
    List<Pledge> lockActive(UUID projectId) {
        return jdbc.sql(SELECT + "where g.project_id = :project and g.state = 'ACTIVE' order by g.created_at, g.id "
                + "for update of g").param("project", projectId).query(Pledges::map).list();
    }

    /**
     * One page of the register after {@code after}, oldest first, narrowed by any of the filters. A
     * vintage matches the pledges of issued credits of that vintage, and the pledges of future
     * issuance under which credits of that vintage are encumbered now (their serial blocks PLEDGED).
     */
    public List<Pledge> page(UUID projectId, Integer vintage, Pledge.State state, Keyset after, int limit) {
        return jdbc.sql(SELECT + """
                where (cast(:project as uuid) is null or g.project_id = :project)
                  and (cast(:vintage as integer) is null or g.vintage = :vintage
                       or g.kind = 'FUTURE_ISSUANCE' and exists (select 1 from serial_block b
                           where b.pledge_id = g.id and b.state = 'PLEDGED' and b.vintage = :vintage))
                  and (cast(:state as text) is null or g.state = :state)
                  and (g.created_at, g.id) > (:at, :after)
                order by g.created_at, g.id limit :limit
                """).param("project", projectId).param("vintage", vintage)
                .param("state", state == null ? null : state.name()).param("at", Timestamp.from(after.at()))
                .param("after", after.id()).param("limit", limit).query(Pledges::map).list();
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Pledge map(ResultSet rs, int row) throws SQLException {
        return new Pledge(rs.getObject("id", UUID.class), Pledge.Kind.valueOf(rs.getString("kind")),
                rs.getObject("pledgor_id", UUID.class), rs.getObject("pledgor_account_id", UUID.class),
                rs.getObject("lender_id", UUID.class), rs.getString("lender_name"),
                rs.getObject("lender_account_id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getString("project_code"), rs.getObject("vintage", Integer.class), rs.getLong("quantity"),
                rs.getLong("covered"), rs.getLong("released"), rs.getLong("waived"), rs.getLong("enforced"),
                rs.getLong("cancelled"), new LoanTerms(rs.getString("loan_reference"), rs.getBigDecimal("secured_amount"),
                        rs.getString("currency"), rs.getDate("maturity_date").toLocalDate()),
                Pledge.State.valueOf(rs.getString("state")), instant(rs, "enforcement_requested_at"),
                rs.getString("enforcement_grounds") == null ? null
                        : Pledge.Grounds.valueOf(rs.getString("enforcement_grounds")),
                rs.getString("enforcement_reason"), instant(rs, "created_at"), instant(rs, "closed_at"),
                rs.getString("void_reason"));
    }
}
