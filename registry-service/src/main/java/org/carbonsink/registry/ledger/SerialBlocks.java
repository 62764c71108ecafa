package org.carbonsink.registry.ledger;

import org.carbonsink.registry.ledger.core.BlockMove;
import org.carbonsink.registry.ledger.core.SerialBlock;
import org.carbonsink.registry.ledger.core.Placement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carbonsink.support.jdbc.Pipeline;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores serial blocks and the result of a {@link BlockMove}. Reads that feed a move lock the rows
 * ({@code for update}); callers lock the account or hold first, so a second move out of the same
 * credits waits for the first to commit and then sees the blocks it left.
 */
@Repository
class SerialBlocks {

    private static final String SELECT = "select b.id, b.issuance_id, b.project_id, p.code as project_code, b.vintage, "
            + "b.first_serial, b.last_serial, b.account_id, b.state, b.hold_id, b.retirement_id, b.cancellation_id, "
            + "b.pledge_id "
            + "from serial_block b join project p on p.id = b.project_id ";

    /** The blocks held under hold {@code ?}, lowest serials first, locked: read with {@link #map}. */
    static final String LOCK_HELD = SELECT + "where b.hold_id = ? and b.state = 'HELD' order by b.first_serial "
            + "for update of b";

    private final JdbcClient jdbc;
    private final JdbcOperations template;

    SerialBlocks(JdbcClient jdbc, JdbcOperations template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Allocates {@code quantity} fresh serials from the registry-wide counter; answers the first. */
    long allocate(long quantity) {
        return jdbc.sql("update serial_allocator set next_serial = next_serial + :n returning next_serial - :n")
                .param("n", quantity).query(Long.class).single();
    }

    void add(UUID issuanceId, UUID projectId, int vintage, long first, long last, UUID accountId) {
        jdbc.sql("insert into serial_block (issuance_id, project_id, vintage, first_serial, last_serial, account_id, state) "
                + "values (:issuance, :project, :vintage, :first, :last, :account, 'AVAILABLE')")
                .param("issuance", issuanceId).param("project", projectId).param("vintage", vintage)
                .param("first", first).param("last", last).param("account", accountId).update();
    }

    /** The account's available blocks of a project and vintage, lowest serials first, locked. */
    List<SerialBlock> lockAvailable(UUID accountId, UUID projectId, int vintage) {
        return jdbc.sql(SELECT + "where b.account_id = :account and b.project_id = :project and b.vintage = :vintage "
                + "and b.state = 'AVAILABLE' order by b.first_serial for update of b")
                .param("account", accountId).param("project", projectId).param("vintage", vintage)
                .query(SerialBlocks::map).list();
    }

    /** The blocks held for a sell order, lowest serials first, locked. */
    List<SerialBlock> lockHeld(UUID holdId) {
        return jdbc.sql(LOCK_HELD).param(holdId).query(SerialBlocks::map).list();
    }

    /** The blocks pledged under a pledge, lowest serials first, locked. */
    List<SerialBlock> lockPledged(UUID pledgeId) {
        return jdbc.sql(SELECT + "where b.pledge_id = :pledge and b.state = 'PLEDGED' order by b.first_serial "
                + "for update of b").param("pledge", pledgeId).query(SerialBlocks::map).list();
    }

    /**
     * The account's pledged blocks of a project and vintage, lowest serials first: read (after the
     * account lock) only to name the pledges that keep a refused move from taking them.
     */
    List<SerialBlock> pledged(UUID accountId, UUID projectId, int vintage) {
        return jdbc.sql(SELECT + "where b.account_id = :account and b.project_id = :project and b.vintage = :vintage "
                + "and b.state = 'PLEDGED' order by b.first_serial")
                .param("account", accountId).param("project", projectId).param("vintage", vintage)
                .query(SerialBlocks::map).list();
    }

    /** Every unretired, uncancelled block of the project, wherever it is held, locked. */
    List<SerialBlock> lockUnretired(UUID projectId) {
        return jdbc.sql(SELECT + "where b.project_id = :project and b.state in ('AVAILABLE', 'HELD', 'PLEDGED') "
                + "order by b.first_serial for update of b").param("project", projectId).query(SerialBlocks::map).list();
    }

    /** The buffer pool's blocks of one project (or of every other project), oldest vintage first, locked. */
    List<SerialBlock> lockBuffer(UUID bufferPool, UUID projectId, boolean ofThatProject) {
        return jdbc.sql(SELECT + "where b.account_id = :pool and b.state = 'AVAILABLE' and "
                + (ofThatProject ? "b.project_id = :project " : "b.project_id <> :project ")
                + "order by b.vintage, b.first_serial for update of b")
                .param("pool", bufferPool).param("project", projectId).query(SerialBlocks::map).list();
    }

    /**
     * Stores a move: merges what it adds with the stored blocks next to it (locked), deletes the
     * blocks it replaces and inserts the new ones. Answers the move as stored. Two round trips: the
     * neighbours' selects in one, the delete and the inserts in the other.
     */
    BlockMove apply(BlockMove move) {
        Pipeline writes = new Pipeline();
        BlockMove merged = stage(move, writes);
        writes.run(template);
        return merged;
    }

    /**
     * As {@link #apply}, but the delete and the inserts are added to {@code writes}, which the caller runs
     * (with its own writes after them, in the same round trip); the neighbours' selects run now. Answers
     * the move as it will be stored.
     */
    BlockMove stage(BlockMove move, Pipeline writes) {
        if (move.isEmpty()) {
            return move;
        }
        BlockMove merged = move.mergedWith(neighbours(move.added()));
        List<Long> ids = merged.removed().stream().map(SerialBlock::id).toList();
        // the delete before the inserts: the new blocks take serials of the blocks they replace, which the
        // exclusion constraint allows only once those are gone
        writes.updateChecked("delete from serial_block where id = any(?)", deleted -> {
            if (deleted != ids.size()) {
                // the caller's locks should make this impossible: another transaction changed the blocks
                throw new IllegalStateException("expected to replace " + ids.size() + " serial blocks, found "
                        + deleted);
            }
        }, (Object) ids.toArray(Long[]::new));
        for (SerialBlock b : merged.added()) {
            writes.update("insert into serial_block (issuance_id, project_id, vintage, first_serial, last_serial, "
                    + "account_id, state, hold_id, retirement_id, cancellation_id, pledge_id) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", b.issuanceId(), b.projectId(), b.vintage(),
                    b.firstSerial(), b.lastSerial(), b.accountId(), b.state().name(), b.holdId(), b.retirementId(),
                    b.cancellationId(), b.pledgeId());
        }
        return merged;
    }

    /** Stored blocks right before or after the given ones in the same issuance, locked: one select each, one round trip. */
    private List<SerialBlock> neighbours(List<SerialBlock> blocks) {
        Pipeline selects = new Pipeline();
        int count = 0;
        for (SerialBlock b : blocks) {
            if (b.state().isFinal()) {
                // a retirement or cancellation is new: nothing stored shares its placement
                continue;
            }
            selects.query(SELECT + "where b.issuance_id = ? and b.account_id = ? and b.state = ? "
                    + "and (cast(? as uuid) is null and b.hold_id is null or b.hold_id = ?) "
                    + "and (cast(? as uuid) is null and b.pledge_id is null or b.pledge_id = ?) "
                    + "and (b.last_serial = ? - 1 or b.first_serial = ? + 1) "
                    + "order by b.first_serial for update of b", SerialBlocks::map, b.issuanceId(), b.accountId(),
                    b.state().name(), b.holdId(), b.holdId(), b.pledgeId(), b.pledgeId(), b.firstSerial(),
                    b.lastSerial());
            count++;
        }
        Pipeline.Results results = selects.run(template);
        List<SerialBlock> found = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            found.addAll(results.<SerialBlock>rows(i));
        }
        return found;
    }

    /** One page of an account's blocks after serial {@code after}, lowest first. */
    List<SerialBlock> ofAccount(UUID accountId, long after, int limit) {
        return jdbc.sql(SELECT + "where b.account_id = :account and b.first_serial > :after order by b.first_serial "
                + "limit :limit").param("account", accountId).param("after", after).param("limit", limit)
                .query(SerialBlocks::map).list();
    }

    long countOfAccount(UUID accountId) {
        return jdbc.sql("select count(*) from serial_block where account_id = :account").param("account", accountId)
                .query(Long.class).single();
    }

    /** The first {@code limit} blocks of a retirement, lowest serials first. */
    List<SerialBlock> ofRetirement(UUID retirementId, int limit) {
        return jdbc.sql(SELECT + "where b.retirement_id = :id order by b.first_serial limit :limit")
                .param("id", retirementId).param("limit", limit).query(SerialBlocks::map).list();
    }

    /** The first {@code limit} blocks of a cancellation, lowest serials first. */
    List<SerialBlock> ofCancellation(UUID cancellationId, int limit) {
        return jdbc.sql(SELECT + "where b.cancellation_id = :id order by b.first_serial limit :limit")
                .param("id", cancellationId).param("limit", limit).query(SerialBlocks::map).list();
    }

    /** The block holding one serial, if any was issued. */
    Optional<SerialBlock> holding(long serial) {
        return jdbc.sql(SELECT + "where b.first_serial <= :s and b.last_serial >= :s").param("s", serial)
                .query(SerialBlocks::map).optional();
    }

    static SerialBlock map(ResultSet rs, int row) throws SQLException {
        return new SerialBlock(rs.getLong("id"), rs.getObject("issuance_id", UUID.class),
                rs.getObject("project_id", UUID.class), rs.getString("project_code"), rs.getInt("vintage"),
                rs.getLong("first_serial"), rs.getLong("last_serial"),
                new Placement(rs.getObject("account_id", UUID.class), SerialBlock.State.valueOf(rs.getString("state")),
                        rs.getObject("hold_id", UUID.class), rs.getObject("retirement_id", UUID.class),
                        rs.getObject("cancellation_id", UUID.class), rs.getObject("pledge_id", UUID.class)));
    }
}
