package org.carbonsink.registry.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers the exchange's question on a hold it has waited for past its deadline, from the ledger: held
 * (with its quantity) or refused (with the reason). A hold never asked for is refused here for good, so
 * that a request read later holds nothing and no credits wait for an order the exchange has failed.
 */
@Component
public class ReportingHoldState {

    static final String NEVER_ASKED = "the registry had not received this hold when the exchange asked for it;"
            + " it is refused for good";

    private final Holds holds;
    private final LedgerEvents messages;
    private final Clock clock;

    ReportingHoldState(Holds holds, LedgerEvents messages, Clock clock) {
        this.holds = holds;
        this.messages = messages;
        this.clock = clock;
    }

    public record ReportHoldState(UUID holdId, String instrumentId) {
    }

    @Transactional
    public void report(ReportHoldState command) {
        if (!holds.known(command.holdId())) {
            holds.reject(command.holdId(), NEVER_ASKED, Instant.now(clock));
        }
        holds.find(command.holdId()).ifPresentOrElse(
                hold -> messages.holdState(hold.id(), command.instrumentId(), true, hold.quantity(), null),
                () -> messages.holdState(command.holdId(), command.instrumentId(), false, 0,
                        holds.rejection(command.holdId()).orElseThrow()));
    }
}
