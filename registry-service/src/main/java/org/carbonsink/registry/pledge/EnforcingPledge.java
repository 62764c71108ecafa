package org.carbonsink.registry.pledge;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.carbonsink.registry.audit.AuditTrail;
import org.carbonsink.registry.ledger.EncumberingCredits;
import org.carbonsink.registry.ledger.Encumbrance;
import org.carbonsink.support.web.ProblemException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enforcement on default, in two steps so that no lender takes credits alone: the lender asks,
 * naming the default; the registry administrator confirms, and every pledged credit moves to the
 * lender's account, available to it. An enforced pledge is closed (a future-issuance pledge claims
 * no further issuance).
 *
 * <p>Before the maturity date (in Beijing, where the registry's dates are) the loan is not yet due:
 * only an event of default, described, lets the lender ask early; the confirmation records the
 * grounds and the description in the audit chain, so an early enforcement always shows why.
 */
@Component
public class EnforcingPledge {

    private final Pledges pledges;
    private final PledgeParties parties;
    private final EncumberingCredits encumbering;
    private final PledgeEvents messages;
    private final AuditTrail audit;
    private final Clock clock;

    EnforcingPledge(Pledges pledges, PledgeParties parties, EncumberingCredits encumbering, PledgeEvents messages,
            AuditTrail audit, Clock clock) {
        this.pledges = pledges;
        this.parties = parties;
        this.encumbering = encumbering;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Pledge request(RequestEnforcement command) {
        if (command.reason() == null) {
            throw ProblemException.invalidField("reason", "required",
                    "must be NOT_REPAID_AT_MATURITY or EVENT_OF_DEFAULT");
        }
        if (command.description() == null || command.description().isBlank()) {
            throw ProblemException.invalidField("description", "required", "must say what the default is");
        }
        Pledge pledge = PledgeLocks.lock(pledges, command.pledgeId());
        PledgeParties.requireActive(PledgeParties.requireLender(pledge, command.callerId(), "ask to enforce it"));
        if (pledge.enforcementRequestedAt() != null) {
            throw ProblemException.conflict("enforcement-already-requested", "Enforcement was already requested",
                    "the lender asked to enforce pledge " + pledge.id() + " at " + pledge.enforcementRequestedAt());
        }
        LocalDate today = LocalDate.now(clock.withZone(Pledge.BEIJING));
        if (command.reason() != Pledge.Grounds.EVENT_OF_DEFAULT && !pledge.matured(today)) {
            throw ProblemException.conflict("pledge-not-matured", "The secured loan has not matured",
                    "pledge " + pledge.id() + " secures a loan with maturityDate " + pledge.terms().maturityDate()
                            + "; before it the lender may ask for enforcement only on an EVENT_OF_DEFAULT,"
                            + " with a description")
                    .with("maturityDate", pledge.terms().maturityDate().toString());
        }
        pledges.save(pledge.enforcementRequested(clock.instant(), command.reason(), command.description().strip()));
        Pledge stored = pledges.find(pledge.id()).orElseThrow();
        PledgeAudit.append(audit, "PLEDGE_ENFORCEMENT_REQUESTED", stored, command.callerId(), "grounds",
                stored.enforcementGrounds().name(), "reason", stored.enforcementReason());
        return stored;
    }

    @Transactional
    public Pledge confirm(UUID pledgeId, UUID administratorId) {
        parties.requireAdministrator(administratorId, "confirm the enforcement of a pledge");
        Pledge pledge = PledgeParties.requireActive(PledgeLocks.lock(pledges, pledgeId));
        if (pledge.enforcementRequestedAt() == null) {
            throw ProblemException.conflict("enforcement-not-requested", "The lender has not asked for enforcement",
                    "pledge " + pledge.id() + " is enforced only after its lender asks for it");
        }
        Encumbrance moved = encumbering.enforce(pledge.id(), pledge.projectId(), pledge.pledgorAccountId(),
                pledge.lenderAccountId(), administratorId);
        Instant now = clock.instant();
        pledges.save(pledge.with(pledge.covered(), pledge.released(), pledge.waived(),
                pledge.enforced() + moved.quantity(), pledge.cancelled(), Pledge.State.ENFORCED, now));
        Pledge stored = pledges.find(pledge.id()).orElseThrow();
        messages.enforced(stored, moved, administratorId);
        PledgeAudit.append(audit, "PLEDGE_ENFORCED", stored, administratorId, "moved", moved.quantity(), "grounds",
                stored.enforcementGrounds().name(), "reason", stored.enforcementReason(), "requestedAt",
                stored.enforcementRequestedAt().toString());
        return stored;
    }
}
