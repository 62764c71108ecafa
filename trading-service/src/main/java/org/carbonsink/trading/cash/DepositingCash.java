package org.carbonsink.trading.cash;

import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Pays cash into a participant's account, opening it on the first deposit. */
@Component
public class DepositingCash {

    private final CashAccounts accounts;
    private final Clock clock;

    DepositingCash(CashAccounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional
    public CashAccount deposit(DepositCash command) {
        if (command.amount().signum() <= 0) {
            throw new IllegalArgumentException("a deposit is positive, not " + command.amount());
        }
        // UNNECESSARY: a deposit of fractions of a fen is refused at the edge, never rounded away
        accounts.credit(command.participantId(), command.amount().setScale(2, RoundingMode.UNNECESSARY),
                Instant.now(clock));
        return accounts.find(command.participantId()).orElseThrow();
    }
}
