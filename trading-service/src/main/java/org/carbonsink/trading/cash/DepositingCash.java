package org.carbonsink.trading.cash;

import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pays cash into a participant's account, opening it on the first deposit, and books the movement.
 * Who may deposit is decided by the caller (the web adapter or the bank adapter).
 */
@Component
public class DepositingCash {

    private final CashAccounts accounts;
    private final Clock clock;

    DepositingCash(CashAccounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Answers the account after the deposit; a bank transfer already booked changes nothing. */
    @Transactional
    public CashAccount deposit(DepositCash command) {
        if (command.amount().signum() <= 0) {
            throw new IllegalArgumentException("a deposit is positive, not " + command.amount());
        }
        if (command.source() == CashSource.BANK && accounts.booked(command.reference())) {
            return accounts.find(command.participantId()).orElseThrow();
        }
        // UNNECESSARY: a deposit of fractions of a fen is refused at the edge, never rounded away
        var amount = command.amount().setScale(2, RoundingMode.UNNECESSARY);
        Instant now = Instant.now(clock);
        accounts.credit(command.participantId(), amount, now);
        accounts.book(new CashMovement(UUID.randomUUID(), command.participantId(), CashMovement.Kind.DEPOSIT, amount,
                command.source(), command.reference(), command.actorId(), now));
        return accounts.find(command.participantId()).orElseThrow();
    }
}
