package org.carbonsink.registry.ledger;

import org.carbonsink.registry.ledger.core.SerialBlock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What an account holds, per project and vintage, by state. */
@Component
public class Holdings {

    private final JdbcClient jdbc;
    private final SerialBlocks blocks;

    Holdings(JdbcClient jdbc, SerialBlocks blocks) {
        this.jdbc = jdbc;
        this.blocks = blocks;
    }

    public record Holding(UUID projectId, String projectCode, int vintage, long available, long held, long pledged,
            long retired, long cancelled) {
    }

    public List<Holding> of(UUID accountId) {
        return jdbc.sql("""
                select b.project_id, p.code, b.vintage,
                       coalesce(sum(b.last_serial - b.first_serial + 1) filter (where b.state = 'AVAILABLE'), 0) as available,
                       coalesce(sum(b.last_serial - b.first_serial + 1) filter (where b.state = 'HELD'), 0) as held,
                       coalesce(sum(b.last_serial - b.first_serial + 1) filter (where b.state = 'PLEDGED'), 0) as pledged,
                       coalesce(sum(b.last_serial - b.first_serial + 1) filter (where b.state = 'RETIRED'), 0) as retired,
                       coalesce(sum(b.last_serial - b.first_serial + 1) filter (where b.state = 'CANCELLED'), 0) as cancelled
                from serial_block b join project p on p.id = b.project_id
                where b.account_id = :account
                group by b.project_id, p.code, b.vintage order by p.code, b.vintage
                """).param("account", accountId)
                .query((rs, n) -> new Holding(rs.getObject("project_id", UUID.class), rs.getString("code"),
                        rs.getInt("vintage"), rs.getLong("available"), rs.getLong("held"), rs.getLong("pledged"),
                        rs.getLong("retired"),
                        rs.getLong("cancelled")))
                .list();
    }

    /** One page of the account's blocks whose first serial is above {@code after}, lowest first. */
    public List<SerialBlock> blocks(UUID accountId, long after, int limit) {
        return blocks.ofAccount(accountId, after, limit);
    }

    public long blockCount(UUID accountId) {
        return blocks.countOfAccount(accountId);
    }
}
