package org.carbonsink.trading.cash;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.carbonsink.support.jdbc.Pipeline;
import org.carbonsink.support.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cash accounts. Each change is one conditional update, so two transactions never both spend the
 * same available cash; the table's checks (reserved within balance, nothing negative) back that up.
 */
@Repository
public class CashAccounts {

    private final JdbcClient jdbc;

    CashAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CashAccount> find(UUID participantId) {
        return jdbc.sql("select participant_id, currency, balance, reserved, opened_at from cash_account"
                + " where participant_id = :id").param("id", participantId).query(CashAccounts::map).optional();
    }

    /** Participant {@code ?} is credited {@code ?}, opened at {@code ?} if it had no account. */
    private static final String CREDIT = """
            insert into cash_account (participant_id, currency, balance, reserved, opened_at)
            values (?, 'CNY', ?, 0, ?)
            on conflict (participant_id) do update set balance = cash_account.balance + excluded.balance
            """;

    /** Adds to the balance, opening the account if the participant has none. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void credit(UUID participantId, BigDecimal amount, Instant at) {
        jdbc.sql(CREDIT).param(participantId).param(amount).param(Timestamp.from(at)).update();
    }

    /** As {@link #credit(UUID, BigDecimal, Instant)}, sent with the other statements of {@code statements}. */
    public void credit(Pipeline statements, UUID participantId, BigDecimal amount, Instant at) {
        statements.update(CREDIT, participantId, amount, Timestamp.from(at));
    }

    /** Reserves the amount if that much is available; answers false, changing nothing, if not. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean reserve(UUID participantId, BigDecimal amount) {
        return jdbc.sql("""
                update cash_account set reserved = reserved + :amount
                where participant_id = :id and balance - reserved >= :amount
                """).param("id", participantId).param("amount", amount).update() == 1;
    }

    /**
     * Reserves the amount, or refuses with the problem {@code insufficient-cash} (422), changing nothing,
     * if that much is not available; {@code purpose} says what needs it ("accepting the block trade").
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reserveOrRefuse(UUID participantId, BigDecimal amount, String purpose) {
        if (!reserve(participantId, amount)) {
            BigDecimal available = find(participantId).map(CashAccount::available).orElse(BigDecimal.ZERO.setScale(2));
            throw ProblemException.rule("insufficient-cash", "Insufficient cash",
                    purpose + " needs " + amount + " CNY reserved and the account has " + available + " CNY available")
                    .with("required", amount).with("available", available);
        }
    }

    /** Takes the amount out of the balance if that much is available; answers false, changing nothing, if not. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean debit(UUID participantId, BigDecimal amount) {
        return jdbc.sql("""
                update cash_account set balance = balance - :amount
                where participant_id = :id and balance - reserved >= :amount
                """).param("id", participantId).param("amount", amount).update() == 1;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void book(CashMovement movement) {
        jdbc.sql("""
                insert into cash_movement (id, participant_id, kind, amount, source, reference, actor_id, booked_at)
                values (:id, :participantId, :kind, :amount, :source, :reference, :actorId, :bookedAt)
                """)
                .param("id", movement.id())
                .param("participantId", movement.participantId())
                .param("kind", movement.kind().name())
                .param("amount", movement.amount())
                .param("source", movement.source().name())
                .param("reference", movement.reference())
                .param("actorId", movement.actorId())
                .param("bookedAt", Timestamp.from(movement.bookedAt()))
                .update();
    }

    /** Whether the bank transfer with this id is booked already. */
    boolean booked(String bankReference) {
        return jdbc.sql("select exists (select 1 from cash_movement where source = 'BANK' and reference = :reference)")
                .param("reference", bankReference).query(Boolean.class).single();
    }

    /** Gives reserved cash back to the available balance. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(UUID participantId, BigDecimal amount) {
        expectOne(jdbc.sql("update cash_account set reserved = reserved - :amount where participant_id = :id")
                .param("id", participantId).param("amount", amount).update(), participantId);
    }

    /**
     * Pays out reserved cash: it leaves both the balance and the reservation. Sent with the other statements
     * of {@code statements}; their run throws if the participant has no account.
     */
    public void debitReserved(Pipeline statements, UUID participantId, BigDecimal amount) {
        statements.updateChecked("""
                update cash_account set balance = balance - ?, reserved = reserved - ?
                where participant_id = ?
                """, updated -> expectOne(updated, participantId), amount, amount, participantId);
    }

    private static void expectOne(int updated, UUID participantId) {
        if (updated != 1) {
            throw new IllegalStateException("no cash account for participant " + participantId);
        }
    }

    private static CashAccount map(ResultSet rs, int row) throws SQLException {
        return new CashAccount(rs.getObject("participant_id", UUID.class), rs.getString("currency"),
                rs.getBigDecimal("balance"), rs.getBigDecimal("reserved"), rs.getTimestamp("opened_at").toInstant());
    }
}
