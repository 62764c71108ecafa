package org.carbonsink.trading.order;

import java.util.UUID;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.trading.participant.Participants;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may commit cash or credits to a trade, on any venue (the book, block trades, auctions): a
 * participant the registry registered (its registry account receives or delivers the credits) in one
 * of the trading roles ({@code carbonsink.trading.trading-roles}). The registry's administrator, its
 * verifiers and the exchange operator run or check the market and do not trade in it.
 */
@Component
public class Traders {

    private final Participants participants;
    private final TradingRules rules;

    Traders(Participants participants, TradingRules rules) {
        this.participants = participants;
        this.rules = rules;
    }

    /**
     * Refuses (422, naming {@code field}) a counterparty the caller names that could not take part: a participant the
     * registry never registered ({@code unknown-participant}), or one outside the trading roles
     * ({@code counterparty-not-trading}). The caller is not the one refused, hence 422 rather than 403.
     */
    public void requireCounterparty(UUID participantId, String field) {
        String role = participants.roleOf(participantId).orElseThrow(() -> ProblemException.rule("unknown-participant",
                "Unknown participant", field + " " + participantId + " names no participant the registry registered")
                .with("field", field));
        if (!rules.tradingRoles().contains(role)) {
            throw ProblemException.rule("counterparty-not-trading", "Counterparty does not trade", field + " "
                    + participantId + " names a participant that is not registered in a trading role "
                    + rules.tradingRoles()).with("field", field);
        }
    }

    /** Refuses (422 without a registry account, 403 outside the trading roles) unless the participant trades. */
    public void requireTrading(UUID participantId) {
        String role = participants.roleOf(participantId).orElseThrow(() -> ProblemException.rule("no-registry-account",
                "No registry account", "participant " + participantId + " has no registry account to receive or deliver"
                        + " credits; register with the registry first"));
        if (!rules.tradingRoles().contains(role)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "trading-role-required", "Not a trading participant",
                    "participants registered as " + role + " do not trade; trading roles are " + rules.tradingRoles());
        }
    }
}
