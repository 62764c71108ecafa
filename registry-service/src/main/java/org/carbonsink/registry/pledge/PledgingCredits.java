package org.carbonsink.registry.pledge;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.carbonsink.registry.audit.AuditTrail;
import org.carbonsink.registry.ledger.EncumberCredits;
import org.carbonsink.registry.ledger.EncumberingCredits;
import org.carbonsink.registry.ledger.Encumbrance;
import org.carbonsink.registry.participant.Accounts;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A holder pledges available credits of one project and vintage (a quantity, lowest serials first,
 * or a named serial range) to a lender. The ledger encumbers them in the holder's account; the
 * refusals of the ledger (someone else's account, frozen project, too few available credits,
 * credits already pledged) apply as they do to a transfer.
 */
@Component
public class PledgingCredits {

    private final PledgeParties parties;
    private final Accounts accounts;
    private final EncumberingCredits encumbering;
    private final Pledges pledges;
    private final PledgeEvents messages;
    private final AuditTrail audit;
    private final Clock clock;

    PledgingCredits(PledgeParties parties, Accounts accounts, EncumberingCredits encumbering, Pledges pledges, PledgeEvents messages,
            AuditTrail audit, Clock clock) {
        this.parties = parties;
        this.accounts = accounts;
        this.encumbering = encumbering;
        this.pledges = pledges;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Pledge pledge(PledgeCredits command) {
        // someone else's account is refused before anything about the pledge is judged
        accounts.heldBy(command.accountId(), command.callerId());
        PledgeParties.Lender lender = parties.lender(command.lenderId(), command.callerId());
        command.terms().requireNotMaturedBefore(LocalDate.now(clock.withZone(Pledge.BEIJING)));
        UUID id = UUID.randomUUID();
        // the serials first: the pledge row is written in the same transaction and checked at commit
        Encumbrance encumbered = encumbering.encumber(new EncumberCredits(command.accountId(), command.callerId(),
                command.projectId(), command.vintage(), command.selection(), id));
        pledges.add(new Pledge(id, Pledge.Kind.CREDITS, command.callerId(), encumbered.accountId(), lender.id(),
                lender.name(), lender.accountId(), encumbered.projectId(), encumbered.projectCode(),
                command.vintage(), encumbered.quantity(), encumbered.quantity(), 0, 0, 0, 0, command.terms(),
                Pledge.State.ACTIVE, null, null, null, clock.instant(), null, null));
        Pledge pledge = pledges.find(id).orElseThrow();
        messages.pledged(pledge, encumbered);
        PledgeAudit.append(audit, "PLEDGE_MADE", pledge, command.callerId());
        return pledge;
    }
}
