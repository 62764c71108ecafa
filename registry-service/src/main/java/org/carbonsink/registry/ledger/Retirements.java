package org.carbonsink.registry.ledger;

import org.carbonsink.registry.ledger.core.SerialBlock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Retirements {

    private static final String SELECT = "select r.id, r.account_id, a.participant_id, r.project_id, p.code as project_code, "
            + "r.vintage, r.quantity, r.beneficiary, r.purpose, r.note, r.retired_at from retirement r "
            + "join project p on p.id = r.project_id join account a on a.id = r.account_id ";

    private final JdbcClient jdbc;
    private final SerialBlocks blocks;

    Retirements(JdbcClient jdbc, SerialBlocks blocks) {
        this.jdbc = jdbc;
        this.blocks = blocks;
    }

    void add(Retirement r) {
        jdbc.sql("insert into retirement (id, account_id, project_id, vintage, quantity, beneficiary, purpose, note, "
                + "retired_at) values (:id, :account, :project, :vintage, :quantity, :beneficiary, :purpose, :note, :at)")
                .param("id", r.id()).param("account", r.accountId()).param("project", r.projectId())
                .param("vintage", r.vintage()).param("quantity", r.quantity()).param("beneficiary", r.beneficiary())
                .param("purpose", r.purpose().name()).param("note", r.note()).param("at", Timestamp.from(r.retiredAt())).update();
    }

    public Optional<Retirement> find(UUID id) {
        return jdbc.sql(SELECT + "where r.id = :id").param("id", id).query(this::map).optional();
    }

    /** One page after {@code after}, oldest first. */
    public List<Retirement> list(UUID projectId, Keyset after, int limit) {
        return jdbc.sql(SELECT + "where (cast(:project as uuid) is null or r.project_id = :project) "
                + "and (r.retired_at, r.id) > (:at, :id) order by r.retired_at, r.id limit :limit")
                .param("project", projectId).param("at", Timestamp.from(after.at())).param("id", after.id())
                .param("limit", limit).query(this::map).list();
    }

    public long count(UUID projectId) {
        return jdbc.sql("select count(*) from retirement where (cast(:project as uuid) is null or project_id = :project)")
                .param("project", projectId).query(Long.class).single();
    }

    private Retirement map(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new Retirement(id, rs.getObject("account_id", UUID.class), rs.getObject("participant_id", UUID.class),
                rs.getObject("project_id", UUID.class), rs.getString("project_code"), rs.getInt("vintage"),
                rs.getLong("quantity"), rs.getString("beneficiary"), RetirementPurpose.valueOf(rs.getString("purpose")),
                rs.getString("note"), rs.getTimestamp("retired_at").toInstant(),
                blocks.ofRetirement(id, Retirement.SERIALS_SHOWN).stream().map(SerialBlock::range).toList());
    }
}
