package org.carbonsink.registry.ledger;

import org.carbonsink.registry.ledger.core.BlockMove;
import org.carbonsink.registry.ledger.core.SerialBlock;
import org.carbonsink.registry.ledger.core.Placement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.carbonsink.registry.participant.Accounts;
import org.carbonsink.support.web.ProblemException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A holder retires available credits for a named beneficiary and purpose (注销). */
@Component
public class RetiringCredits {

    private final Accounts accounts;
    private final ProjectStandings projects;
    private final Retirements retirements;
    private final SerialBlocks blocks;
    private final LedgerMovements movements;
    private final LedgerEvents messages;
    private final Clock clock;

    RetiringCredits(Accounts accounts, ProjectStandings projects, Retirements retirements, SerialBlocks blocks,
            LedgerMovements movements, LedgerEvents messages, Clock clock) {
        this.accounts = accounts;
        this.projects = projects;
        this.retirements = retirements;
        this.blocks = blocks;
        this.movements = movements;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional
    public Retirement retire(RetireCredits command) {
        Accounts.Account account = accounts.heldBy(command.accountId(), command.callerId());
        if (account.kind() != Accounts.Account.Kind.HOLDING) {
            // buffer credits cover reversals; they are cancelled by the registry, never retired
            throw ProblemException.rule("not-a-holding-account", "Credits cannot be retired from this account",
                    "account " + account.id() + " is the " + account.kind() + "; only holding accounts retire credits");
        }
        ProjectStandings.Standing project = projects.share(command.projectId()).orElseThrow(() -> ProblemException
                .invalidField("projectId", "known-project", "names no project in the registry")).requireMovable();
        accounts.lock(account.id());
        UUID id = UUID.randomUUID();
        List<SerialBlock> available = blocks.lockAvailable(account.id(), project.id(), command.vintage());
        List<SerialBlock> pledged = blocks.pledged(account.id(), project.id(), command.vintage());
        BlockMove move = command.selection().pick(available, pledged, Placement.retired(account.id(), id),
                project.code(), command.vintage());
        Instant now = clock.instant();
        String note = command.note() == null || command.note().isBlank() ? null : command.note().trim();
        retirements.add(new Retirement(id, account.id(), account.participantId(), project.id(), project.code(),
                command.vintage(), move.quantity(), command.beneficiary().trim(), command.purpose(), note, now,
                List.of()));
        blocks.apply(move);
        movements.record(LedgerMovements.Kind.RETIRE, now, project.id(), move.moved(), account.id(), account.id(), id,
                command.callerId());
        Retirement retirement = retirements.find(id).orElseThrow();
        messages.retired(retirement, move.moved());
        return retirement;
    }
}
