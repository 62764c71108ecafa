package org.carbonsink.registry.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.carbonsink.registry.participant.Accounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes the ledger invariants from the rows themselves, independently of the code that
 * moves serials and of the database constraints that guard it.
 */
@Component
public class LedgerCheck {

    private final JdbcClient jdbc;

    LedgerCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Invariant 1 per project and vintage: issued = available + held + pledged + retired + cancelled
     * + buffer, where buffer is what the buffer pool holds.
     */
    public record VintageBalance(UUID projectId, String projectCode, int vintage, long issued, long available,
            long held, long pledged, long retired, long cancelled, long buffer) {

        public boolean balanced() {
            return issued == available + held + pledged + retired + cancelled + buffer;
        }
    }

    public record Report(List<VintageBalance> balances, List<String> violations) {

        public boolean sound() {
            return violations.isEmpty();
        }
    }

    @Transactional(readOnly = true)
    public Report run(UUID projectId) {
        List<VintageBalance> balances = jdbc.sql("""
                with issued as (
                    select project_id, vintage, sum(verified_credits) as issued from issuance
                    where cast(:project as uuid) is null or project_id = :project group by project_id, vintage),
                blocks as (
                    select project_id, vintage,
                        sum(last_serial - first_serial + 1) filter (where state = 'AVAILABLE' and account_id <> :buffer) as available,
                        sum(last_serial - first_serial + 1) filter (where state = 'HELD') as held,
                        sum(last_serial - first_serial + 1) filter (where state = 'PLEDGED') as pledged,
                        sum(last_serial - first_serial + 1) filter (where state = 'RETIRED') as retired,
                        sum(last_serial - first_serial + 1) filter (where state = 'CANCELLED') as cancelled,
                        sum(last_serial - first_serial + 1) filter (where state = 'AVAILABLE' and account_id = :buffer) as buffer
                    from serial_block where cast(:project as uuid) is null or project_id = :project
                    group by project_id, vintage)
                select coalesce(i.project_id, b.project_id) as project_id, p.code, coalesce(i.vintage, b.vintage) as vintage,
                       coalesce(i.issued, 0) as issued, coalesce(b.available, 0) as available, coalesce(b.held, 0) as held,
                       coalesce(b.pledged, 0) as pledged, coalesce(b.retired, 0) as retired, coalesce(b.cancelled, 0) as cancelled, coalesce(b.buffer, 0) as buffer
                from issued i full join blocks b on b.project_id = i.project_id and b.vintage = i.vintage
                join project p on p.id = coalesce(i.project_id, b.project_id)
                order by p.code, vintage
                """).param("project", projectId).param("buffer", Accounts.BUFFER_POOL)
                .query((rs, n) -> new VintageBalance(rs.getObject("project_id", UUID.class), rs.getString("code"),
                        rs.getInt("vintage"), rs.getLong("issued"), rs.getLong("available"), rs.getLong("held"),
                        rs.getLong("pledged"), rs.getLong("retired"), rs.getLong("cancelled"), rs.getLong("buffer")))
                .list();

        List<String> violations = new ArrayList<>();
        balances.stream().filter(b -> !b.balanced()).forEach(b -> violations.add("conservation: " + b.projectCode()
                + " vintage " + b.vintage() + " issued " + b.issued() + " but the ledger accounts for "
                + (b.available() + b.held() + b.pledged() + b.retired() + b.cancelled() + b.buffer())));
        jdbc.sql("""
                select id, first_serial from (
                    select id, first_serial,
                           max(last_serial) over (order by first_serial, id
                                                  rows between unbounded preceding and 1 preceding) as reached
                    from serial_block) ordered
                where first_serial <= reached
                """).query((rs, n) -> "overlap: serial block " + rs.getLong("id") + " starts at "
                        + rs.getLong("first_serial") + ", inside an earlier block")
                .list().forEach(violations::add);
        jdbc.sql("""
                select r.id, r.quantity, coalesce(sum(b.last_serial - b.first_serial + 1), 0) as covered
                from retirement r left join serial_block b on b.retirement_id = r.id and b.state = 'RETIRED'
                group by r.id, r.quantity having r.quantity <> coalesce(sum(b.last_serial - b.first_serial + 1), 0)
                """).query((rs, n) -> "retirement " + rs.getObject("id") + " records " + rs.getLong("quantity")
                        + " credits but its serials cover " + rs.getLong("covered"))
                .list().forEach(violations::add);
        jdbc.sql("""
                select c.id, c.quantity, coalesce(sum(b.last_serial - b.first_serial + 1), 0) as covered
                from cancellation c left join serial_block b on b.cancellation_id = c.id and b.state = 'CANCELLED'
                group by c.id, c.quantity having c.quantity <> coalesce(sum(b.last_serial - b.first_serial + 1), 0)
                """).query((rs, n) -> "cancellation " + rs.getObject("id") + " records " + rs.getLong("quantity")
                        + " credits but its serials cover " + rs.getLong("covered"))
                .list().forEach(violations::add);
        jdbc.sql("""
                select h.id, h.quantity - h.delivered - h.released - h.cancelled as remaining,
                       coalesce(sum(b.last_serial - b.first_serial + 1), 0) as covered
                from hold h left join serial_block b on b.hold_id = h.id and b.state = 'HELD'
                group by h.id, h.quantity, h.delivered, h.released, h.cancelled
                having h.quantity - h.delivered - h.released - h.cancelled <> coalesce(sum(b.last_serial - b.first_serial + 1), 0)
                """).query((rs, n) -> "hold " + rs.getObject("id") + " has " + rs.getLong("remaining")
                        + " credits left but holds serials for " + rs.getLong("covered"))
                .list().forEach(violations::add);
        jdbc.sql("""
                select p.id, p.covered - p.released - p.enforced - p.cancelled as pledged,
                       coalesce(sum(b.last_serial - b.first_serial + 1), 0) as covered
                from pledge p left join serial_block b on b.pledge_id = p.id and b.state = 'PLEDGED'
                group by p.id, p.covered, p.released, p.enforced, p.cancelled
                having p.covered - p.released - p.enforced - p.cancelled
                       <> coalesce(sum(b.last_serial - b.first_serial + 1), 0)
                """).query((rs, n) -> "pledge " + rs.getObject("id") + " has " + rs.getLong("pledged")
                        + " credits pledged but its serials cover " + rs.getLong("covered"))
                .list().forEach(violations::add);
        return new Report(balances, violations);
    }
}
