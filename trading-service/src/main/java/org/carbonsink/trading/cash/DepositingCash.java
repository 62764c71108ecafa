package org.carbonsink.trading.cash;

import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.trading.participant.Participants;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pays cash into a participant's account, opening it on the first deposit, and books the movement.
 * Who may deposit is decided by the caller (the web adapter or the bank adapter). The operator or the
 * participant itself pays only into the account of a participant the registry registered: cash for
 * anyone else could never buy anything (orders need a registry account) and would only be a balance
 * nobody owns. A bank transfer is booked whoever it names: the money has arrived, and the registry's
 * {@code ParticipantRegistered} may reach the exchange after the bank's report.
 */
@Component
public class DepositingCash {

    private final CashAccounts accounts;
    private final Participants participants;
    private final Clock clock;

    DepositingCash(CashAccounts accounts, Participants participants, Clock clock) {
        this.accounts = accounts;
        this.participants = participants;
        this.clock = clock;
    }

    /** Answers the account after the deposit; a bank transfer already booked changes nothing. */
    @Transactional
    public CashAccount deposit(DepositCash command) {
        if (command.amount().signum() <= 0) {
            throw new IllegalArgumentException("a deposit is positive, not " + command.amount());
        }
        if (command.source() == CashSource.BANK) {
            if (accounts.booked(command.reference())) {
                return accounts.find(command.participantId()).orElseThrow();
            }
        } else if (participants.roleOf(command.participantId()).isEmpty()) {
            throw unknownParticipant(command.participantId());
        }
        // UNNECESSARY: a deposit of fractions of a fen is refused at the edge, never rounded away
        var amount = command.amount().setScale(2, RoundingMode.UNNECESSARY);
        Instant now = Instant.now(clock);
        accounts.credit(command.participantId(), amount, now);
        accounts.book(new CashMovement(UUID.randomUUID(), command.participantId(), CashMovement.Kind.DEPOSIT, amount,
                command.source(), command.reference(), command.actorId(), now));
        return accounts.find(command.participantId()).orElseThrow();
    }

    /** 422 naming the field: the registry never registered {@code participantId}. */
    static ProblemException unknownParticipant(UUID participantId) {
        return ProblemException.rule("unknown-participant", "Unknown participant", "participant " + participantId
                + " was never registered by the registry; cash is kept only for registered participants")
                .with("field", "participantId").with("participantId", participantId);
    }
}
