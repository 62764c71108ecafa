package org.carbonsink.registry.pledge.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.carbonsink.registry.pledge.Pledge;

/**
 * A pledge in the public register of encumbrances. Anyone sees who lends against what, how much is
 * outstanding, until when and in which state; the loan reference, the secured amount and currency
 * and the lender's default claim (its grounds and description) only the pledgor, the lender and the registry administrator see
 * (null for everyone else). {@code vintage} is null for a pledge of future issuance; {@code pledged}
 * is what is encumbered now, {@code covered} what issuances have encumbered so far.
 */
record PledgeView(UUID id, Pledge.Kind kind, UUID projectId, Integer vintage, UUID lenderId, String lenderName,
        long quantity, long outstanding, LocalDate maturityDate, Pledge.State state, Instant createdAt,
        String projectCode, UUID pledgorId, long pledged, long covered, long released, long enforced,
        Instant enforcementRequestedAt, Instant closedAt, String voidReason, String loanReference,
        BigDecimal securedAmount, String currency, Pledge.Grounds enforcementGrounds, String enforcementReason) {

    static PledgeView of(Pledge p, boolean party) {
        return new PledgeView(p.id(), p.kind(), p.projectId(), p.vintage(), p.lenderId(), p.lenderName(),
                p.quantity(), p.outstanding(), p.terms().maturityDate(), p.state(), p.createdAt(), p.projectCode(),
                p.pledgorId(), p.pledged(), p.covered(), p.released(), p.enforced(), p.enforcementRequestedAt(),
                p.closedAt(), p.voidReason(), party ? p.terms().loanReference() : null,
                party ? p.terms().securedAmount() : null, party ? p.terms().currency() : null,
                party ? p.enforcementGrounds() : null, party ? p.enforcementReason() : null);
    }
}
