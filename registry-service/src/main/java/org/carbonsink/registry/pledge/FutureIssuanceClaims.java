package org.carbonsink.registry.pledge;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.carbonsink.registry.audit.AuditTrail;
import org.carbonsink.registry.ledger.Encumbrance;
import org.carbonsink.registry.ledger.IssuanceEncumbrances;
import org.springframework.stereotype.Component;

/**
 * A new issuance to a project's owner is claimed by the owner's uncovered pledges of the project's
 * future issuance, oldest first, each up to what it has not yet covered, together never more than
 * was issued; a covered pledge claims nothing more.
 */
@Component
class FutureIssuanceClaims implements IssuanceEncumbrances {

    private final Pledges pledges;
    private final PledgeEvents messages;
    private final AuditTrail audit;

    FutureIssuanceClaims(Pledges pledges, PledgeEvents messages, AuditTrail audit) {
        this.pledges = pledges;
        this.messages = messages;
        this.audit = audit;
    }

    @Override
    public List<Claim> claim(UUID projectId, UUID ownerId, long quantity) {
        List<Claim> claims = new ArrayList<>();
        long left = quantity;
        for (Pledge pledge : pledges.lockUncovered(projectId, ownerId)) {
            if (left == 0) {
                break;
            }
            long take = Math.min(left, pledge.uncovered());
            pledges.save(pledge.with(pledge.covered() + take, pledge.released(), pledge.waived(), pledge.enforced(),
                    pledge.cancelled(), pledge.state(), pledge.closedAt()));
            claims.add(new Claim(pledge.id(), take));
            left -= take;
        }
        return claims;
    }

    @Override
    public void encumbered(Encumbrance encumbrance, int vintage) {
        Pledge pledge = pledges.find(encumbrance.pledgeId()).orElseThrow();
        messages.pledged(pledge, encumbrance);
        PledgeAudit.append(audit, "PLEDGE_COVERED", pledge, null, "encumbered", encumbrance.quantity(),
                "issuedVintage", vintage);
    }
}
