package org.carbonsink.trading.cash;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.trading.participant.Participants;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pays cash out of an account. Only the available part may leave: cash reserved for open buy orders,
 * bids and trades awaiting delivery stays (invariant 4).
 */
@Component
public class WithdrawingCash {

    private final CashAccounts accounts;
    private final Participants participants;
    private final Clock clock;

    WithdrawingCash(CashAccounts accounts, Participants participants, Clock clock) {
        this.accounts = accounts;
        this.participants = participants;
        this.clock = clock;
    }

    @Transactional
    public CashAccount withdraw(WithdrawCash command) {
        BigDecimal amount = command.amount().setScale(2, RoundingMode.UNNECESSARY);
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a withdrawal is positive, not " + amount);
        }
        // an existing account pays out whoever holds it (a bank transfer may have opened it before the
        // registry's registration arrived); without one, an unknown participant is named as such
        CashAccount account = accounts.find(command.participantId()).orElseThrow(() ->
                participants.roleOf(command.participantId()).isEmpty()
                        ? DepositingCash.unknownParticipant(command.participantId())
                        : ProblemException.notFound("cash account", command.participantId()));
        if (!accounts.debit(command.participantId(), amount)) {
            BigDecimal available = accounts.find(command.participantId()).orElse(account).available();
            throw ProblemException.rule("withdrawal-exceeds-available", "Withdrawal exceeds available cash",
                    "a withdrawal of " + amount + " CNY would leave less than the cash reserved for open orders,"
                            + " bids and trades awaiting delivery; " + available + " CNY is available")
                    .with("requested", amount).with("available", available);
        }
        accounts.book(new CashMovement(UUID.randomUUID(), command.participantId(), CashMovement.Kind.WITHDRAWAL, amount,
                CashSource.OPERATOR, null, command.actorId(), Instant.now(clock)));
        return accounts.find(command.participantId()).orElseThrow();
    }
}
