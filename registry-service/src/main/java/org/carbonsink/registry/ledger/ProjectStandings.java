package org.carbonsink.registry.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.carbonsink.support.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The facts of a project the ledger acts on, read with a row lock. Every movement of a project's
 * credits takes the project row in share mode first and a revocation takes it exclusively, so a
 * revocation waits for movements in flight and no movement starts during one; the lock order is
 * project, then holds (by id), then accounts (by id), then serial blocks.
 *
 * <p>States are compared by name: the project feature owns the lifecycle and may add states.
 */
@Repository
class ProjectStandings {

    /** Credits of a project in these states may not move (transfer, hold, retire, cancel). */
    static final Set<String> FROZEN = Set.of("SUSPENDED", "REVOKED");

    /**
     * {@code creditingPeriodStart} is null for a design older than the column: no removal before it was
     * credited. {@code bufferRate} is the share of each issuance that goes to the buffer pool.
     */
    record Standing(UUID id, String code, UUID ownerId, String status, LocalDate creditingPeriodStart,
            BigDecimal bufferRate) {

        boolean frozen() {
            return FROZEN.contains(status);
        }

        /** Refuses a movement of a frozen project's credits with a problem naming the rule. */
        Standing requireMovable() {
            if (frozen()) {
                throw ProblemException.conflict("project-frozen", "Credits of this project cannot move",
                        "project " + code + " is " + status + ": its credits may not be transferred, held, retired "
                                + "or cancelled while it is " + status);
            }
            return this;
        }
    }

    private static final String SELECT = "select id, code, owner_id, status, crediting_period_start, buffer_rate from project ";

    /** The project of hold {@code ?}, locked in share mode (see {@link #shareOfHold}). */
    static final String SHARE_OF_HOLD = SELECT + "where id = (select project_id from hold where id = ?) for share";

    private final JdbcClient jdbc;

    ProjectStandings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The project, locked in share mode for a movement of its credits. */
    Optional<Standing> share(UUID projectId) {
        return lock(projectId, "for share");
    }

    /**
     * The project of a hold, locked in share mode, in one round trip: a delivery or a release starts here.
     * Empty if there is no such hold (a hold's project never changes, so reading it unlocked is safe).
     */
    Optional<Standing> shareOfHold(UUID holdId) {
        return jdbc.sql(SHARE_OF_HOLD).param(holdId).query(ProjectStandings::standing).optional();
    }

    /** The project, locked exclusively (revocation, reversal). */
    Optional<Standing> exclusive(UUID projectId) {
        return lock(projectId, "for update");
    }

    private Optional<Standing> lock(UUID projectId, String mode) {
        return jdbc.sql(SELECT + "where id = :id " + mode).param("id", projectId)
                .query(ProjectStandings::standing).optional();
    }

    private static Standing standing(ResultSet rs, int row) throws SQLException {
        return new Standing(rs.getObject("id", UUID.class), rs.getString("code"), rs.getObject("owner_id", UUID.class),
                rs.getString("status"), rs.getObject("crediting_period_start", LocalDate.class),
                rs.getBigDecimal("buffer_rate"));
    }
}
