package org.carbonsink.registry.ledger;

import org.carbonsink.registry.ledger.core.SerialBlock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Cancellations {

    private static final String SELECT = "select c.id, c.account_id, a.participant_id, c.project_id, p.code as project_code, "
            + "c.vintage, c.quantity, c.kind, c.reason, c.cancelled_by, c.reversal_id, c.cancelled_at from cancellation c "
            + "join project p on p.id = c.project_id join account a on a.id = c.account_id ";

    /**
     * {@code count} new ids in the order PostgreSQL sorts uuids (bytewise, unsigned), for cancellations
     * made together: they share their timestamp, and the public list orders by (time, id), so their
     * ids keep them in the order they were made (a reversal's own buffer first, then the pool's).
     */
    static List<UUID> newIds(int count) {
        return Stream.generate(UUID::randomUUID).limit(count)
                .sorted(Comparator.comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
                        .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned))
                .toList();
    }

    private final JdbcClient jdbc;
    private final SerialBlocks blocks;

    Cancellations(JdbcClient jdbc, SerialBlocks blocks) {
        this.jdbc = jdbc;
        this.blocks = blocks;
    }

    void add(Cancellation c) {
        jdbc.sql("insert into cancellation (id, account_id, project_id, vintage, quantity, kind, reason, cancelled_by, "
                + "reversal_id, cancelled_at) values (:id, :account, :project, :vintage, :quantity, :kind, :reason, :by, "
                + ":reversal, :at)")
                .param("id", c.id()).param("account", c.accountId()).param("project", c.projectId())
                .param("vintage", c.vintage()).param("quantity", c.quantity()).param("kind", c.kind().name())
                .param("reason", c.reason()).param("by", c.cancelledBy()).param("reversal", c.reversalId())
                .param("at", Timestamp.from(c.cancelledAt())).update();
    }

    public Optional<Cancellation> find(UUID id) {
        return jdbc.sql(SELECT + "where c.id = :id").param("id", id).query(this::map).optional();
    }

    /** One page after {@code after}, oldest first; {@code projectId} and {@code kind} narrow it. */
    public List<Cancellation> list(UUID projectId, Cancellation.Kind kind, Keyset after, int limit) {
        return jdbc.sql(SELECT + "where (cast(:project as uuid) is null or c.project_id = :project) "
                + "and (cast(:kind as text) is null or c.kind = :kind) "
                + "and (c.cancelled_at, c.id) > (:at, :id) order by c.cancelled_at, c.id limit :limit")
                .param("project", projectId).param("kind", kind == null ? null : kind.name())
                .param("at", Timestamp.from(after.at())).param("id", after.id()).param("limit", limit)
                .query(this::map).list();
    }

    private Cancellation map(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new Cancellation(id, rs.getObject("account_id", UUID.class), rs.getObject("participant_id", UUID.class),
                rs.getObject("project_id", UUID.class), rs.getString("project_code"), rs.getInt("vintage"),
                rs.getLong("quantity"), Cancellation.Kind.valueOf(rs.getString("kind")), rs.getString("reason"),
                rs.getObject("cancelled_by", UUID.class), rs.getObject("reversal_id", UUID.class),
                rs.getTimestamp("cancelled_at").toInstant(),
                blocks.ofCancellation(id, Cancellation.SERIALS_SHOWN).stream().map(SerialBlock::range).toList());
    }
}
