package org.carbonsink.registry.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.carbonsink.registry.ledger.Deliveries.Refused;
import org.carbonsink.registry.participant.Accounts;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers the exchange's question on a trade it has waited for past its deadline, from the ledger:
 * delivered (to whom, how many) or refused (code and reason). A trade the registry never received is
 * refused here for good, so that the exchange may fail it and release its hold: a TradeExecuted read
 * later delivers nothing.
 */
@Component
public class ReportingDeliveryState {

    private final Deliveries deliveries;
    private final Accounts accounts;
    private final LedgerEvents messages;
    private final Clock clock;

    ReportingDeliveryState(Deliveries deliveries, Accounts accounts, LedgerEvents messages, Clock clock) {
        this.deliveries = deliveries;
        this.accounts = accounts;
        this.messages = messages;
        this.clock = clock;
    }

    public record ReportDeliveryState(UUID tradeId, String instrumentId) {
    }

    @Transactional
    public void report(ReportDeliveryState command) {
        var delivered = deliveries.delivered(command.tradeId());
        if (delivered.isPresent()) {
            UUID buyer = accounts.find(delivered.get().buyerAccountId()).orElseThrow().participantId();
            messages.deliveryState(command.tradeId(), command.instrumentId(), true, buyer, delivered.get().quantity(),
                    null, null);
            return;
        }
        Refused refused = deliveries.refused(command.tradeId()).orElse(null);
        if (refused == null) {
            refused = new Refused(DeliveringCredits.TRADE_NOT_RECEIVED, "the registry had not received trade "
                    + command.tradeId() + " when the exchange asked for it; it will never deliver it");
            deliveries.refuse(command.tradeId(), refused, Instant.now(clock));
        }
        messages.deliveryState(command.tradeId(), command.instrumentId(), false, null, 0, refused.code(),
                refused.reason());
    }
}
