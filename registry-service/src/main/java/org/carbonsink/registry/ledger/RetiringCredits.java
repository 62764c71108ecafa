package org.carbonsink.registry.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.carbonsink.registry.participant.Accounts;
import org.carbonsink.registry.project.Project;
import org.carbonsink.registry.project.Projects;
import org.carbonsink.support.web.ProblemException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A holder retires available credits for a named beneficiary and purpose (注销). */
@Component
public class RetiringCredits {

    private final Accounts accounts;
    private final Projects projects;
    private final Retirements retirements;
    private final SerialBlocks blocks;
    private final LedgerMovements movements;
    private final LedgerEvents messages;
    private final Clock clock;

    RetiringCredits(Accounts accounts, Projects projects, Retirements retirements, SerialBlocks blocks,
            LedgerMovements movements, LedgerEvents messages, Clock clock) {
        this.accounts = accounts;
        this.projects = projects;
        this.retirements = retirements;
        this.blocks = blocks;
        this.movements = movements;
        this.messages = messages;
        this.clock = clock;
    }

    public record RetireCredits(UUID accountId, UUID callerId, UUID projectId, int vintage, long quantity,
            String beneficiary, String purpose) {
    }

    @Transactional
    public Retirement retire(RetireCredits command) {
        Accounts.Account account = accounts.heldBy(command.accountId(), command.callerId());
        if (account.kind() != Accounts.Account.Kind.HOLDING) {
            // buffer credits cover reversals; they are cancelled by the registry, never retired
            throw ProblemException.rule("not-a-holding-account", "Credits cannot be retired from this account",
                    "account " + account.id() + " is the " + account.kind() + "; only holding accounts retire credits");
        }
        accounts.lock(account.id());
        Project project = projects.find(command.projectId()).orElseThrow(() -> ProblemException.invalidField(
                "projectId", "known-project", "names no project in the registry"));
        List<SerialBlock> available = blocks.lockAvailable(account.id(), project.id(), command.vintage());
        long total = available.stream().mapToLong(SerialBlock::quantity).sum();
        if (total < command.quantity()) {
            throw ProblemException.rule("insufficient-credits", "Not enough available credits",
                    "account holds " + total + " available credits of " + project.code() + " vintage "
                            + command.vintage() + "; " + command.quantity() + " cannot be retired")
                    .with("available", total);
        }
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        retirements.add(new Retirement(id, account.id(), account.participantId(), project.id(), project.code(),
                command.vintage(), command.quantity(), command.beneficiary().trim(), command.purpose().trim(), now,
                List.of()));
        List<SerialRange> moved = blocks.move(available, command.quantity(),
                SerialBlocks.Target.retired(account.id(), id));
        movements.record(LedgerMovements.Kind.RETIRE, now, project.id(), moved, account.id(), account.id(), id);
        Retirement retirement = retirements.find(id).orElseThrow();
        messages.retired(retirement);
        return retirement;
    }
}
