package org.carbonsink.registry.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carbonsink.registry.ledger.core.SerialBlock;
import org.carbonsink.registry.participant.Accounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The public figures of the ledger: supply per project and vintage, the buffer pool, where one
 * serial is and what happened to it.
 */
@Repository
public class Supply {

    private final JdbcClient jdbc;
    private final SerialBlocks blocks;

    Supply(JdbcClient jdbc, SerialBlocks blocks) {
        this.jdbc = jdbc;
        this.blocks = blocks;
    }

    /**
     * Per project and vintage: issued = available + held + pledged + retired + cancelled + buffer, where
     * buffer is what the buffer pool still holds and cancelled includes buffer credits cancelled
     * for reversals ({@code bufferCancelled}).
     */
    public record VintageSupply(UUID projectId, String projectCode, int vintage, long issued, long available,
            long held, long pledged, long retired, long cancelled, long buffer, long bufferDeposited, long bufferCancelled) {
    }

    /** One page of supply rows after ({@code afterCode}, {@code afterVintage}), by project code and vintage. */
    public List<VintageSupply> page(UUID projectId, String afterCode, int afterVintage, int limit) {
        return jdbc.sql("""
                with issued as (
                    select project_id, vintage, sum(verified_credits) as issued, sum(buffer_quantity) as deposited
                    from issuance where cast(:project as uuid) is null or project_id = :project
                    group by project_id, vintage),
                blocks as (
                    select project_id, vintage,
                        sum(last_serial - first_serial + 1) filter (where state = 'AVAILABLE' and account_id <> :pool) as available,
                        sum(last_serial - first_serial + 1) filter (where state = 'HELD') as held,
                        sum(last_serial - first_serial + 1) filter (where state = 'PLEDGED') as pledged,
                        sum(last_serial - first_serial + 1) filter (where state = 'RETIRED') as retired,
                        sum(last_serial - first_serial + 1) filter (where state = 'CANCELLED') as cancelled,
                        sum(last_serial - first_serial + 1) filter (where state = 'AVAILABLE' and account_id = :pool) as buffer,
                        sum(last_serial - first_serial + 1) filter (where state = 'CANCELLED' and account_id = :pool) as buffer_cancelled
                    from serial_block where cast(:project as uuid) is null or project_id = :project
                    group by project_id, vintage)
                select i.project_id, p.code, i.vintage, i.issued, i.deposited, coalesce(b.available, 0) as available,
                       coalesce(b.held, 0) as held, coalesce(b.pledged, 0) as pledged, coalesce(b.retired, 0) as retired,
                       coalesce(b.cancelled, 0) as cancelled, coalesce(b.buffer, 0) as buffer,
                       coalesce(b.buffer_cancelled, 0) as buffer_cancelled
                from issued i join project p on p.id = i.project_id
                left join blocks b on b.project_id = i.project_id and b.vintage = i.vintage
                where (p.code, i.vintage) > (:code, :vintage)
                order by p.code, i.vintage limit :limit
                """).param("project", projectId).param("pool", Accounts.BUFFER_POOL).param("code", afterCode)
                .param("vintage", afterVintage).param("limit", limit)
                .query((rs, n) -> new VintageSupply(rs.getObject("project_id", UUID.class), rs.getString("code"),
                        rs.getInt("vintage"), rs.getLong("issued"), rs.getLong("available"), rs.getLong("held"),
                        rs.getLong("pledged"), rs.getLong("retired"), rs.getLong("cancelled"), rs.getLong("buffer"),
                        rs.getLong("deposited"),
                        rs.getLong("buffer_cancelled")))
                .list();
    }

    /** The pool as a whole: credits deposited by issuance, still held, cancelled for reversals. */
    public record PoolTotals(long deposited, long available, long cancelledForReversals, long reversals,
            long shortfall) {
    }

    public PoolTotals poolTotals() {
        return jdbc.sql("""
                select (select coalesce(sum(buffer_quantity), 0) from issuance) as deposited,
                       (select coalesce(sum(last_serial - first_serial + 1), 0) from serial_block
                        where account_id = :pool and state = 'AVAILABLE') as available,
                       (select coalesce(sum(quantity), 0) from cancellation where kind = 'REVERSAL') as cancelled,
                       (select count(*) from reversal) as reversals,
                       (select coalesce(sum(loss_credits - buffer_cancelled), 0) from reversal) as shortfall
                """).param("pool", Accounts.BUFFER_POOL)
                .query((rs, n) -> new PoolTotals(rs.getLong("deposited"), rs.getLong("available"),
                        rs.getLong("cancelled"), rs.getLong("reversals"), rs.getLong("shortfall")))
                .single();
    }

    /** One movement of serials as the public sees it. */
    public record Movement(long id, Instant at, String kind, long firstSerial, long lastSerial,
            UUID referenceId) {
    }

    /** Where serial {@code serial} is now, and its movements after movement {@code afterId}, oldest first. */
    public record SerialTrace(SerialBlock block, List<Movement> movements) {
    }

    /** The block that holds {@code serial} now, without its movements. */
    public Optional<SerialBlock> holding(long serial) {
        return blocks.holding(serial);
    }

    public Optional<SerialTrace> trace(long serial, long afterId, int limit) {
        return blocks.holding(serial).map(block -> new SerialTrace(block, jdbc.sql("""
                select id, at, kind, first_serial, last_serial, reference_id from ledger_movement
                where project_id = :project and first_serial <= :s and last_serial >= :s and id > :after
                order by id limit :limit
                """).param("project", block.projectId()).param("s", serial).param("after", afterId)
                .param("limit", limit)
                .query((rs, n) -> new Movement(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("kind"),
                        rs.getLong("first_serial"), rs.getLong("last_serial"), rs.getObject("reference_id", UUID.class)))
                .list()));
    }
}
