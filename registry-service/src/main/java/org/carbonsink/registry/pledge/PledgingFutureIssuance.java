package org.carbonsink.registry.pledge;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.carbonsink.registry.audit.AuditTrail;
import org.carbonsink.registry.ledger.Encumbrance;
import org.carbonsink.registry.participant.Accounts;
import org.carbonsink.support.web.ProblemException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner of a REGISTERED project pledges a quantity of its future credits (碳汇预期收益权) to a
 * lender. Nothing is encumbered yet: each later issuance to the owner is, up to what the pledge
 * has not yet covered ({@link FutureIssuanceClaims}).
 */
@Component
public class PledgingFutureIssuance {

    private final PledgeParties parties;
    private final Accounts accounts;
    private final Pledges pledges;
    private final PledgeEvents messages;
    private final AuditTrail audit;
    private final Clock clock;

    PledgingFutureIssuance(PledgeParties parties, Accounts accounts, Pledges pledges, PledgeEvents messages,
            AuditTrail audit, Clock clock) {
        this.parties = parties;
        this.accounts = accounts;
        this.pledges = pledges;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Pledge pledge(PledgeFutureIssuance command) {
        if (command.quantity() <= 0) {
            throw ProblemException.invalidField("quantity", "positive", "must be greater than 0");
        }
        command.terms().requireNotMaturedBefore(LocalDate.now(clock.withZone(Pledge.BEIJING)));
        Pledges.ProjectFacts project = pledges.shareProject(command.projectId()).orElseThrow(() -> ProblemException
                .invalidField("projectId", "known-project", "names no project in the registry"));
        if (!project.ownerId().equals(command.callerId())) {
            throw ProblemException.forbidden("only the owner of project " + project.code()
                    + " may pledge its future issuance");
        }
        if (!"REGISTERED".equals(project.status())) {
            throw ProblemException.conflict("project-not-registered", "Only a registered project's issuance is pledged",
                    "project " + project.code() + " is " + project.status() + "; only a REGISTERED project is issued "
                            + "credits");
        }
        PledgeParties.Lender lender = parties.lender(command.lenderId(), command.callerId());
        UUID ownerAccount = accounts.holdingAccountOf(project.ownerId()).orElseThrow().id();
        UUID id = UUID.randomUUID();
        pledges.add(new Pledge(id, Pledge.Kind.FUTURE_ISSUANCE, command.callerId(), ownerAccount, lender.id(),
                lender.name(), lender.accountId(), project.id(), project.code(), null, command.quantity(), 0, 0, 0, 0,
                0, command.terms(), Pledge.State.ACTIVE, null, null, null, clock.instant(), null, null));
        Pledge pledge = pledges.find(id).orElseThrow();
        messages.pledged(pledge, new Encumbrance(id, ownerAccount, project.ownerId(), project.id(), project.code(), 0,
                List.of(), pledge.createdAt()));
        PledgeAudit.append(audit, "PLEDGE_MADE", pledge, command.callerId());
        return pledge;
    }
}
