package org.carbonsink.registry.pledge;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.carbonsink.registry.audit.AuditTrail;
import org.carbonsink.registry.ledger.EncumberingCredits;
import org.carbonsink.registry.ledger.Encumbrance;
import org.carbonsink.support.web.ProblemException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lender releases a pledge, in full or in part. Pledged credits go back to the pledgor's
 * available credits first (lowest serials first); what a release of a future-issuance pledge asks
 * beyond them waives credits not yet issued. A partial release keeps the pledge ACTIVE with less
 * outstanding; when nothing is outstanding it is RELEASED.
 */
@Component
public class ReleasingPledge {

    private final Pledges pledges;
    private final EncumberingCredits encumbering;
    private final PledgeEvents messages;
    private final AuditTrail audit;
    private final Clock clock;

    ReleasingPledge(Pledges pledges, EncumberingCredits encumbering, PledgeEvents messages, AuditTrail audit,
            Clock clock) {
        this.pledges = pledges;
        this.encumbering = encumbering;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Pledge release(ReleasePledge command) {
        Pledge pledge = PledgeLocks.lock(pledges, command.pledgeId());
        PledgeParties.requireActive(PledgeParties.requireLender(pledge, command.callerId(), "release it"));
        if (command.quantity() <= 0 || command.quantity() > pledge.outstanding()) {
            throw ProblemException.invalidField("quantity", "within-outstanding", "must be from 1 to the "
                    + pledge.outstanding() + " credits outstanding under pledge " + pledge.id());
        }
        long fromBlocks = Math.min(command.quantity(), pledge.pledged());
        Instant now = clock.instant();
        Encumbrance returned = fromBlocks == 0
                ? new Encumbrance(pledge.id(), pledge.pledgorAccountId(), pledge.pledgorId(), pledge.projectId(),
                        pledge.projectCode(), 0, List.of(), now)
                : encumbering.release(pledge.id(), pledge.projectId(), pledge.pledgorAccountId(), fromBlocks,
                        command.callerId());
        long released = pledge.released() + fromBlocks;
        long waived = pledge.waived() + command.quantity() - fromBlocks;
        boolean whole = command.quantity() == pledge.outstanding();
        Pledge after = pledge.with(pledge.covered(), released, waived, pledge.enforced(), pledge.cancelled(),
                whole ? Pledge.State.RELEASED : Pledge.State.ACTIVE, whole ? now : null);
        pledges.save(after);
        Pledge stored = pledges.find(pledge.id()).orElseThrow();
        messages.released(stored, command.quantity(), returned);
        PledgeAudit.append(audit, "PLEDGE_RELEASED", stored, command.callerId(), "releasedNow", command.quantity(),
                "creditsReturned", fromBlocks);
        return stored;
    }
}
