package org.carbonsink.registry.ledger.messaging;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.carbonsink.contracts.CreditDeliveryFailed;
import org.carbonsink.contracts.CreditHoldRejected;
import org.carbonsink.contracts.CreditsCancelled;
import org.carbonsink.contracts.CreditsTransferred;
import org.carbonsink.contracts.ProjectStateChanged;
import org.carbonsink.contracts.ReversalRecorded;
import org.carbonsink.contracts.CreditsDelivered;
import org.carbonsink.contracts.CreditsHeld;
import org.carbonsink.contracts.CreditsIssued;
import org.carbonsink.contracts.CreditsRetired;
import org.carbonsink.contracts.SerialRange;
import org.carbonsink.contracts.Topics;
import org.carbonsink.registry.ledger.Cancellation;
import org.carbonsink.registry.ledger.DeliveryFailure;
import org.carbonsink.registry.ledger.Issuance;
import org.carbonsink.registry.ledger.LedgerEvents;
import org.carbonsink.registry.ledger.Retirement;
import org.carbonsink.registry.ledger.Reversal;
import org.carbonsink.registry.ledger.Transfer;
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
    public void delivered(UUID tradeId, String instrumentId, UUID buyerId, long quantity,
            List<org.carbonsink.registry.ledger.core.SerialRange> serials) {
        outbox.publish(Topics.REGISTRY_HOLDS, instrumentId, new CreditsDelivered(UUID.randomUUID(), clock.instant(),
                tradeId, instrumentId, buyerId, quantity, serials.stream().map(OutboxLedgerEvents::contract).toList()));
    }

    @Override
    public void deliveryFailed(UUID tradeId, String instrumentId, DeliveryFailure code, String reason) {
        outbox.publish(Topics.REGISTRY_HOLDS, instrumentId,
                new CreditDeliveryFailed(UUID.randomUUID(), clock.instant(), tradeId, instrumentId, reason,
                        code.name()));
    }

    @Override
    public void retired(Retirement r) {
        outbox.publish(Topics.REGISTRY_CREDITS, r.projectId(), new CreditsRetired(UUID.randomUUID(), clock.instant(),
                r.id(), r.projectId(), r.vintage(), r.holderId(), r.quantity(), r.beneficiary(), r.purpose().name(),
                r.serials().stream().map(OutboxLedgerEvents::contract).toList()));
    }

    @Override
    public void cancelled(Cancellation c) {
        outbox.publish(Topics.REGISTRY_CREDITS, c.projectId(), new CreditsCancelled(UUID.randomUUID(),
                clock.instant(), c.id(), c.projectId(), c.vintage(), c.holderId(), c.quantity(), c.kind().name(),
                c.reason(), c.serials().stream().map(OutboxLedgerEvents::contract).toList()));
    }

    @Override
    public void transferred(Transfer t) {
        outbox.publish(Topics.REGISTRY_CREDITS, t.projectId(), new CreditsTransferred(UUID.randomUUID(),
                clock.instant(), t.id(), t.projectId(), t.vintage(), t.fromHolderId(), t.toHolderId(), t.quantity(),
                t.serials().stream().map(OutboxLedgerEvents::contract).toList()));
    }

    @Override
    public void reversalRecorded(Reversal r) {
        outbox.publish(Topics.REGISTRY_CREDITS, r.projectId(), new ReversalRecorded(UUID.randomUUID(),
                clock.instant(), r.id(), r.projectId(), r.lossDate(), r.cause(), r.lossCredits(), r.bufferCancelled(),
                r.shortfall()));
    }

    @Override
    public void issuanceBlocked(UUID projectId, String state, boolean blocked, String reason) {
        outbox.publish(Topics.REGISTRY_PROJECTS, projectId, new ProjectStateChanged(UUID.randomUUID(),
                clock.instant(), projectId, state, blocked, reason));
    }

    private static SerialRange contract(org.carbonsink.registry.ledger.core.SerialRange range) {
        return range == null ? null : new SerialRange(range.serial(), range.first(), range.last());
    }
}
