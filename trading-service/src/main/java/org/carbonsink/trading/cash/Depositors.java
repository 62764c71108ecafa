package org.carbonsink.trading.cash;

import java.util.UUID;
import org.carbonsink.support.web.Caller;
import org.carbonsink.support.web.ProblemException;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may pay cash into an account through the API. Real money arrives from a bank, so a participant
 * cannot credit itself: the exchange operator books a deposit it has received, or the bank adapter
 * reports a transfer. Only in the {@value #DEMO_PROFILE} profile, where no bank exists, may a
 * participant deposit into its own account.
 */
@Component
public class Depositors {

    public static final String OPERATOR_ROLE = "EXCHANGE_OPERATOR";
    public static final String DEMO_PROFILE = "demo";

    private final boolean selfDeposits;

    Depositors(Environment environment) {
        this.selfDeposits = environment.acceptsProfiles(Profiles.of(DEMO_PROFILE));
    }

    /** The source of a deposit by {@code caller} into the participant's account, or a 403 problem naming the rule. */
    public CashSource sourceOf(Caller caller, UUID participantId) {
        if (caller.has(OPERATOR_ROLE)) {
            return CashSource.OPERATOR;
        }
        if (!caller.is(participantId)) {
            throw ProblemException.forbidden("only the exchange operator deposits into another participant's account");
        }
        if (!selfDeposits) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "self-deposit-disabled",
                    "Self-serve deposits disabled",
                    "cash comes from the bank or the exchange operator; a participant deposits into its own account"
                            + " only when the exchange runs in the '" + DEMO_PROFILE + "' profile");
        }
        return CashSource.SELF;
    }
}
