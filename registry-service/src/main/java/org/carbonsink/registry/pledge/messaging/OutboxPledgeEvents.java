package org.carbonsink.registry.pledge.messaging;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.carbonsink.contracts.CreditsPledged;
import org.carbonsink.contracts.PledgeEnforced;
import org.carbonsink.contracts.PledgeReleased;
import org.carbonsink.contracts.PledgeVoided;
import org.carbonsink.contracts.SerialRange;
import org.carbonsink.contracts.Topics;
import org.carbonsink.registry.ledger.Encumbrance;
import org.carbonsink.registry.pledge.Pledge;
import org.carbonsink.registry.pledge.PledgeEvents;
import org.carbonsink.support.outbox.Outbox;
import org.springframework.stereotype.Component;

/** Pledge facts as events on the outbox, in the caller's transaction, keyed by pledge id. */
@Component
class OutboxPledgeEvents implements PledgeEvents {

    private final Outbox outbox;
    private final Clock clock;

    OutboxPledgeEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void pledged(Pledge p, Encumbrance encumbered) {
        outbox.publish(Topics.REGISTRY_PLEDGES, p.id(), new CreditsPledged(UUID.randomUUID(), clock.instant(), p.id(),
                p.kind().name(), p.projectId(), p.vintage(), p.pledgorId(), p.lenderId(), p.quantity(),
                encumbered.quantity(), p.outstanding(), p.terms().maturityDate(), serials(encumbered)));
    }

    @Override
    public void released(Pledge p, long quantity, Encumbrance returned) {
        outbox.publish(Topics.REGISTRY_PLEDGES, p.id(), new PledgeReleased(UUID.randomUUID(), clock.instant(), p.id(),
                p.projectId(), p.pledgorId(), p.lenderId(), quantity, returned.quantity(), p.outstanding(),
                p.state().name(), serials(returned)));
    }

    @Override
    public void enforced(Pledge p, Encumbrance moved, UUID confirmedBy) {
        outbox.publish(Topics.REGISTRY_PLEDGES, p.id(), new PledgeEnforced(UUID.randomUUID(), clock.instant(), p.id(),
                p.projectId(), p.pledgorId(), p.lenderId(), moved.quantity(), confirmedBy, serials(moved)));
    }

    @Override
    public void voided(Pledge p, long cancelled) {
        outbox.publish(Topics.REGISTRY_PLEDGES, p.id(), new PledgeVoided(UUID.randomUUID(), clock.instant(), p.id(),
                p.projectId(), p.pledgorId(), p.lenderId(), cancelled, p.voidReason()));
    }

    private static List<SerialRange> serials(Encumbrance e) {
        return e.serials().stream().map(r -> new SerialRange(r.serial(), r.first(), r.last())).toList();
    }
}
