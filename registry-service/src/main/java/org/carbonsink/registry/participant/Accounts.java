package org.carbonsink.registry.participant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.carbonsink.support.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Registry accounts: each participant has one holding account; the buffer pool has its own. */
@Repository
public class Accounts {

    public static final UUID BUFFER_POOL = UUID.fromString("00000000-0000-0000-0000-00000000b002");

    private static final String HOLDING_ACCOUNT_OF =
            "select id, participant_id, kind from account where participant_id = :p and kind = 'HOLDING'";

    /**
     * The holding account of participant {@code ?}, locked as {@link #lock} does: for a caller that
     * sends it in a pipeline with other statements; its rows are read with {@link #map}.
     */
    public static final String LOCK_HOLDING_ACCOUNT_OF =
            "select id, participant_id, kind from account where participant_id = ? and kind = 'HOLDING' for update";

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void open(Account account) {
        jdbc.sql("insert into account (id, participant_id, kind) values (:id, :participant, :kind)")
                .param("id", account.id()).param("participant", account.participantId())
                .param("kind", account.kind().name()).update();
    }

    public Optional<Account> find(UUID id) {
        return jdbc.sql("select id, participant_id, kind from account where id = :id").param("id", id)
                .query(Accounts::map).optional();
    }

    public Optional<Account> holdingAccountOf(UUID participantId) {
        return jdbc.sql(HOLDING_ACCOUNT_OF).param("p", participantId)
                .query(Accounts::map).optional();
    }

    /** The participant's holding account, locked as {@link #lock} does, in one round trip. */
    public Optional<Account> lockHoldingAccountOf(UUID participantId) {
        return jdbc.sql(LOCK_HOLDING_ACCOUNT_OF).param(participantId).query(Accounts::map).optional();
    }

    /**
     * Locks the account row. Moves out of an account lock it first, so a second move waits for
     * the first to commit and then sees the blocks the first one split off.
     */
    public void lock(UUID accountId) {
        jdbc.sql("select id from account where id = :id for update").param("id", accountId).query(UUID.class).list();
    }

    /** The account, if the caller holds it; someone else's account answers 403, an unknown one 404. */
    public Account heldBy(UUID accountId, UUID callerId) {
        Account account = find(accountId).orElseThrow(() -> ProblemException.notFound("account", accountId));
        if (!account.participantId().equals(callerId)) {
            throw ProblemException.forbidden("account " + accountId + " is not held by participant " + callerId);
        }
        return account;
    }

    public static Account map(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getObject("id", UUID.class), rs.getObject("participant_id", UUID.class),
                Account.Kind.valueOf(rs.getString("kind")));
    }

    public record Account(UUID id, UUID participantId, Kind kind) {

        public enum Kind {
            HOLDING, BUFFER_POOL
        }
    }
}
