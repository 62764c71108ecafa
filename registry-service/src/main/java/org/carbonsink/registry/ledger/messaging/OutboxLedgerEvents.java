package org.carbonsink.registry.ledger.messaging;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.carbonsink.contracts.CreditDeliveryFailed;
import org.carbonsink.contracts.CreditHoldRejected;
import org.carbonsink.contracts.CreditsCancelled;
import org.carbonsink.contracts.CreditsTransferred;
import org.carbonsink.contracts.DeliveryStateReported;
import org.carbonsink.contracts.HoldStateReported;
import org.carbonsink.contracts.ProjectStateChanged;
import org.carbonsink.contracts.ReversalRecorded;
import org.carbonsink.contracts.CreditsDelivered;
import org.carbonsink.contracts.CreditsHeld;
import org.carbonsink.contracts.CreditsIssued;
import org.carbonsink.contracts.CreditsRetired;
import org.carbonsink.contracts.SerialRange;
import org.carbonsink.contracts.SerialSummary;
import org.carbonsink.contracts.Topics;
import org.carbonsink.registry.ledger.Cancellation;
import org.carbonsink.registry.ledger.Issuance;
import org.carbonsink.registry.ledger.LedgerEvents;
import org.carbonsink.registry.ledger.Retirement;
import org.carbonsink.registry.ledger.Reversal;
import org.carbonsink.registry.ledger.Transfer;
import org.carbonsink.support.jdbc.Pipeline;
import org.carbonsink.support.outbox.Outbox;
import org.springframework.stereotype.Component;

/** Ledger facts as events on the outbox, in the caller's transaction. */
@Component
class OutboxLedgerEvents implements LedgerEvents {

    private final Outbox outbox;
    private final Clock clock;

    OutboxLedgerEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void issued(Issuance i, UUID ownerId) {
        outbox.publish(Topics.REGISTRY_CREDITS, i.projectId(), new CreditsIssued(UUID.randomUUID(), clock.instant(),
                i.id(), i.reportId(), i.projectId(), i.projectCode(), i.vintage(), ownerId, i.ownerQuantity(),
                i.bufferQuantity(), contract(i.ownerRange()), contract(i.bufferRange())));
    }

    @Override
    public void held(UUID holdId, String instrumentId, long quantity) {
        outbox.publish(Topics.REGISTRY_HOLDS, instrumentId,
                new CreditsHeld(UUID.randomUUID(), clock.instant(), holdId, instrumentId, quantity));
    }

    @Override
    public void holdRejected(UUID holdId, String instrumentId, String reason) {
        outbox.publish(Topics.REGISTRY_HOLDS, instrumentId,
                new CreditHoldRejected(UUID.randomUUID(), clock.instant(), holdId, instrumentId, reason));
    }

    @Override
    public void delivered(Pipeline writes, UUID tradeId, String instrumentId, UUID buyerId, long quantity,
            List<org.carbonsink.registry.ledger.core.SerialRange> serials) {
        outbox.publish(writes, Topics.REGISTRY_HOLDS, instrumentId, new CreditsDelivered(UUID.randomUUID(), clock.instant(),
                tradeId, instrumentId, buyerId, quantity, listed(serials), summary(serials)));
    }

    @Override
    public void deliveryFailed(UUID tradeId, String instrumentId, String code, String reason) {
        outbox.publish(Topics.REGISTRY_HOLDS, instrumentId,
                new CreditDeliveryFailed(UUID.randomUUID(), clock.instant(), tradeId, instrumentId, reason, code));
    }

    @Override
    public void holdState(UUID holdId, String instrumentId, boolean held, long quantity, String reason) {
        outbox.publish(Topics.REGISTRY_HOLDS, instrumentId, new HoldStateReported(UUID.randomUUID(), clock.instant(),
                holdId, instrumentId, held ? HoldStateReported.HELD : HoldStateReported.NOT_HELD, quantity, reason));
    }

    @Override
    public void deliveryState(UUID tradeId, String instrumentId, boolean delivered, UUID buyerId, long quantity,
            String code, String reason) {
        outbox.publish(Topics.REGISTRY_HOLDS, instrumentId, new DeliveryStateReported(UUID.randomUUID(),
                clock.instant(), tradeId, instrumentId,
                delivered ? DeliveryStateReported.DELIVERED : DeliveryStateReported.NOT_DELIVERED, buyerId, quantity,
                code, reason));
    }

    @Override
    public void retired(Retirement r, List<org.carbonsink.registry.ledger.core.SerialRange> moved) {
        outbox.publish(Topics.REGISTRY_CREDITS, r.projectId(), new CreditsRetired(UUID.randomUUID(), clock.instant(),
                r.id(), r.projectId(), r.vintage(), r.holderId(), r.quantity(), r.beneficiary(), r.purpose().name(),
                listed(moved), summary(moved)));
    }

    @Override
    public void cancelled(Cancellation c, List<org.carbonsink.registry.ledger.core.SerialRange> moved) {
        outbox.publish(Topics.REGISTRY_CREDITS, c.projectId(), new CreditsCancelled(UUID.randomUUID(),
                clock.instant(), c.id(), c.projectId(), c.vintage(), c.holderId(), c.quantity(), c.kind().name(),
                c.reason(), listed(moved), summary(moved)));
    }

    @Override
    public void transferred(Transfer t, List<org.carbonsink.registry.ledger.core.SerialRange> moved) {
        outbox.publish(Topics.REGISTRY_CREDITS, t.projectId(), new CreditsTransferred(UUID.randomUUID(),
                clock.instant(), t.id(), t.projectId(), t.vintage(), t.fromHolderId(), t.toHolderId(), t.quantity(),
                listed(moved), summary(moved)));
    }

    @Override
    public void reversalRecorded(Reversal r) {
        outbox.publish(Topics.REGISTRY_CREDITS, r.projectId(), new ReversalRecorded(UUID.randomUUID(),
                clock.instant(), r.id(), r.projectId(), r.lossDate(), r.cause(), r.lossCredits(), r.bufferCancelled(),
                r.shortfall(), r.reportId()));
    }

    @Override
    public void issuanceBlocked(UUID projectId, String state, boolean blocked, String reason) {
        outbox.publish(Topics.REGISTRY_PROJECTS, projectId, new ProjectStateChanged(UUID.randomUUID(),
                clock.instant(), projectId, state, blocked, reason));
    }

    /** The first ranges only: an account's holdings may be split into any number of ranges. */
    static List<SerialRange> listed(List<org.carbonsink.registry.ledger.core.SerialRange> moved) {
        return moved.stream().limit(SerialSummary.MAX_LISTED_RANGES).map(OutboxLedgerEvents::contract).toList();
    }

    static SerialSummary summary(List<org.carbonsink.registry.ledger.core.SerialRange> moved) {
        return moved.isEmpty() ? new SerialSummary(0, null, null)
                : new SerialSummary(moved.size(), contract(moved.get(0)), contract(moved.get(moved.size() - 1)));
    }

    private static SerialRange contract(org.carbonsink.registry.ledger.core.SerialRange range) {
        return range == null ? null : new SerialRange(range.serial(), range.first(), range.last());
    }
}
