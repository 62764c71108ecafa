package org.carbonsink.registry.ledger.messaging;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carbonsink.contracts.CreditHoldReleaseRequested;
import org.carbonsink.contracts.CreditHoldRequested;
import org.carbonsink.contracts.DeliveryStateRequested;
import org.carbonsink.contracts.HoldStateRequested;
import org.carbonsink.contracts.MonitoringReportVerified;
import org.carbonsink.contracts.Topics;
import org.carbonsink.contracts.TradeExecuted;
import org.carbonsink.registry.ledger.DeliveringCredits;
import org.carbonsink.registry.ledger.DeliveringCredits.DeliverCredits;
import org.carbonsink.registry.ledger.HoldingCredits;
import org.carbonsink.registry.ledger.HoldingCredits.HoldCredits;
import org.carbonsink.registry.ledger.IssuingCredits;
import org.carbonsink.registry.ledger.IssueCredits;
import org.carbonsink.registry.ledger.RecordMonitoredLoss;
import org.carbonsink.registry.ledger.RecordingReversals;
import org.carbonsink.registry.ledger.ReleasingCredits;
import org.carbonsink.registry.ledger.ReportingDeliveryState;
import org.carbonsink.registry.ledger.ReportingDeliveryState.ReportDeliveryState;
import org.carbonsink.registry.ledger.ReportingHoldState;
import org.carbonsink.registry.ledger.ReportingHoldState.ReportHoldState;
import org.carbonsink.registry.ledger.ReleasingCredits.ReleaseCredits;
import org.carbonsink.support.messaging.EventRefused;
import org.carbonsink.support.messaging.IncomingEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** What the ledger does on verification and exchange events. */
@Component
class LedgerListener {

    private final IncomingEvents.Handlers verified;
    private final IncomingEvents.Handlers orders;
    private final IncomingEvents.Handlers trades;

    LedgerListener(IncomingEvents events, IssuingCredits issuing, HoldingCredits holding, ReleasingCredits releasing,
            DeliveringCredits delivering, ReportingHoldState reportingHold, ReportingDeliveryState reportingDelivery,
            RecordingReversals reversing) {
        this.verified = events.consumer("registry.issuing").on(MonitoringReportVerified.class, e -> {
            if (e.lossCredits() > 0) {
                reversing.recordMonitoredLoss(monitoredLoss(e));
            } else {
                issuing.issue(new IssueCredits(e.reportId(), e.projectId(), e.ownerId(), e.verifiedCredits(),
                        e.bufferCredits(), vintages(e)));
            }
        });
        this.orders = events.consumer("registry.holding").on(CreditHoldRequested.class,
                e -> holding.hold(new HoldCredits(e.holdId(), e.instrumentId(), e.participantId(), e.projectId(),
                        e.vintage(), e.quantity())))
                .on(CreditHoldReleaseRequested.class,
                        e -> releasing.release(new ReleaseCredits(e.holdId(), e.quantity())))
                // on the topic of the hold requests, so it is read after the request it asks about
                .on(HoldStateRequested.class,
                        e -> reportingHold.report(new ReportHoldState(e.holdId(), e.instrumentId())));
        // the inbox's record of the trade goes in the delivery's first round trip
        this.trades = events.consumer("registry.delivering").onPipelined(TradeExecuted.class,
                (e, first) -> delivering.deliver(first, new DeliverCredits(e.tradeId(), e.instrumentId(), e.holdId(), e.sellerId(),
                        e.buyerId(), e.quantity())))
                // on the topic of the trades, so it is read after the trade it asks about
                .on(DeliveryStateRequested.class,
                        e -> reportingDelivery.report(new ReportDeliveryState(e.tradeId(), e.instrumentId())));
    }

    /**
     * A report verified with a loss: no credits to issue, so one with credits too is refused. The
     * cause names the report so that the public reversal says where the loss was found.
     */
    private static RecordMonitoredLoss monitoredLoss(MonitoringReportVerified e) {
        if (e.verifiedCredits() != 0 || e.bufferCredits() != 0) {
            throw new EventRefused("report " + e.reportId() + " verified both a loss of " + e.lossCredits()
                    + " tCO2e and " + e.verifiedCredits() + " credits");
        }
        return new RecordMonitoredLoss(e.reportId(), e.projectId(), e.ownerId(), e.periodEnd(),
                "MONITORED_LOSS: monitoring report " + e.reportId() + " (" + e.periodStart() + " to " + e.periodEnd()
                        + ") verified net removals of " + e.netRemovals().toPlainString() + " tCO2e",
                e.lossCredits());
    }

    /** The report's split by vintage; a producer that predates it sends none: all under its one vintage. */
    private static List<IssueCredits.VintageCredits> vintages(MonitoringReportVerified e) {
        if (e.vintages().isEmpty()) {
            return List.of(new IssueCredits.VintageCredits(e.vintage(), e.verifiedCredits(), e.bufferCredits()));
        }
        return e.vintages().stream()
                .map(v -> new IssueCredits.VintageCredits(v.vintage(), v.credits(), v.bufferCredits())).toList();
    }

    @KafkaListener(topics = Topics.VERIFICATION_REPORTS, groupId = "${spring.kafka.consumer.group-id}")
    void onVerification(ConsumerRecord<String, String> record) {
        verified.handle(record);
    }

    @KafkaListener(topics = Topics.TRADING_ORDERS, groupId = "${spring.kafka.consumer.group-id}")
    void onOrder(ConsumerRecord<String, String> record) {
        orders.handle(record);
    }

    @KafkaListener(topics = Topics.TRADING_TRADES, groupId = "${spring.kafka.consumer.group-id}")
    void onTrade(ConsumerRecord<String, String> record) {
        trades.handle(record);
    }
}
