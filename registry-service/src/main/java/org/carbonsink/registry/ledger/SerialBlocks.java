package org.carbonsink.registry.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SerialBlocks {

    private static final String SELECT = "select b.id, b.issuance_id, b.project_id, p.code as project_code, b.vintage, "
            + "b.first_serial, b.last_serial, b.account_id, b.state, b.hold_id, b.retirement_id "
            + "from serial_block b join project p on p.id = b.project_id ";

    private final JdbcClient jdbc;

    SerialBlocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        return jdbc.sql(SELECT + "where b.hold_id = :hold and b.state = 'HELD' order by b.first_serial for update of b")
                .param("hold", holdId).query(SerialBlocks::map).list();
    }

    /**
     * Moves {@code quantity} serials out of {@code sources} (locked, lowest first) into the target
     * account and state, splitting the last block touched; answers the ranges moved.
     */
    List<SerialRange> move(List<SerialBlock> sources, long quantity, Target target) {
        List<SerialRange> moved = new ArrayList<>();
        long remaining = quantity;
        for (SerialBlock block : sources) {
            if (remaining == 0) {
                break;
            }
            long take = Math.min(remaining, block.quantity());
            long last = block.firstSerial() + take - 1;
            jdbc.sql("update serial_block set last_serial = :last, account_id = :account, state = :state, "
                    + "hold_id = :hold, retirement_id = :retirement where id = :id")
                    .param("last", last).param("account", target.accountId()).param("state", target.state().name())
                    .param("hold", target.holdId()).param("retirement", target.retirementId()).param("id", block.id())
                    .update();
            if (take < block.quantity()) {
                jdbc.sql("insert into serial_block (issuance_id, project_id, vintage, first_serial, last_serial, "
                        + "account_id, state, hold_id, retirement_id) values (:issuance, :project, :vintage, :first, "
                        + ":last, :account, :state, :hold, :retirement)")
                        .param("issuance", block.issuanceId()).param("project", block.projectId())
                        .param("vintage", block.vintage()).param("first", last + 1).param("last", block.lastSerial())
                        .param("account", block.accountId()).param("state", block.state().name())
                        .param("hold", block.holdId()).param("retirement", block.retirementId()).update();
            }
            moved.add(new SerialRange(block.projectCode(), block.vintage(), block.firstSerial(), last));
            remaining -= take;
        }
        if (remaining > 0) {
            throw new IllegalStateException("asked to move " + quantity + " serials from blocks holding "
                    + (quantity - remaining));
        }
        return moved;
    }

    List<SerialBlock> ofAccount(UUID accountId, int limit, long offset) {
        return jdbc.sql(SELECT + "where b.account_id = :account order by b.first_serial limit :limit offset :offset")
                .param("account", accountId).param("limit", limit).param("offset", offset)
                .query(SerialBlocks::map).list();
    }

    long countOfAccount(UUID accountId) {
        return jdbc.sql("select count(*) from serial_block where account_id = :account").param("account", accountId)
                .query(Long.class).single();
    }

    List<SerialBlock> ofRetirement(UUID retirementId) {
        return jdbc.sql(SELECT + "where b.retirement_id = :id order by b.first_serial").param("id", retirementId)
                .query(SerialBlocks::map).list();
    }

    /** Where the target of a move is: account, state, and the hold or retirement it belongs to. */
    record Target(UUID accountId, SerialBlock.State state, UUID holdId, UUID retirementId) {

        static Target available(UUID accountId) {
            return new Target(accountId, SerialBlock.State.AVAILABLE, null, null);
        }

        static Target held(UUID accountId, UUID holdId) {
            return new Target(accountId, SerialBlock.State.HELD, holdId, null);
        }

        static Target retired(UUID accountId, UUID retirementId) {
            return new Target(accountId, SerialBlock.State.RETIRED, null, retirementId);
        }
    }

    private static SerialBlock map(ResultSet rs, int row) throws SQLException {
        return new SerialBlock(rs.getLong("id"), rs.getObject("issuance_id", UUID.class),
                rs.getObject("project_id", UUID.class), rs.getString("project_code"), rs.getInt("vintage"),
                rs.getLong("first_serial"), rs.getLong("last_serial"), rs.getObject("account_id", UUID.class),
                SerialBlock.State.valueOf(rs.getString("state")), rs.getObject("hold_id", UUID.class),
                rs.getObject("retirement_id", UUID.class));
    }
}
