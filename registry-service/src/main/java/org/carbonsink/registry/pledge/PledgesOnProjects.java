package org.carbonsink.registry.pledge;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.carbonsink.registry.audit.AuditTrail;
import org.carbonsink.registry.project.FuturePledge;
import org.carbonsink.registry.project.ProjectPledges;
import org.springframework.stereotype.Component;

/** What the project lifecycle asks of pledges: which stand on a project, and a revocation voids them. */
@Component
class PledgesOnProjects implements ProjectPledges {

    private final Pledges pledges;
    private final PledgeEvents messages;
    private final AuditTrail audit;
    private final Clock clock;

    PledgesOnProjects(Pledges pledges, PledgeEvents messages, AuditTrail audit, Clock clock) {
        this.pledges = pledges;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public List<FuturePledge> standingFuturePledges(UUID projectId) {
        return pledges.standingFuture(projectId).stream().map(p -> new FuturePledge(p.id(), p.lenderId(),
                p.lenderName(), p.quantity(), p.covered(), p.uncovered(), p.terms().maturityDate())).toList();
    }

    /** Runs in the revocation's transaction, after the ledger cancelled the project's pledged credits. */
    @Override
    public void projectRevoked(UUID projectId, String reason, UUID administratorId) {
        for (Pledge pledge : pledges.lockActive(projectId)) {
            long cancelled = pledge.pledged();
            pledges.save(pledge.voided(clock.instant(), reason));
            Pledge stored = pledges.find(pledge.id()).orElseThrow();
            messages.voided(stored, cancelled);
            PledgeAudit.append(audit, "PLEDGE_VOIDED", stored, administratorId, "reason", reason,
                    "cancelledCredits", cancelled);
        }
    }
}
