package org.carbonsink.registry.ledger;

import org.carbonsink.registry.ledger.core.BlockMove;
import org.carbonsink.registry.ledger.core.SerialBlock;
import org.carbonsink.registry.ledger.core.Placement;
import org.carbonsink.registry.ledger.core.SerialRange;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.carbonsink.registry.participant.Accounts;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holds credits for a sell order, so the exchange never offers more than the seller has
 * (invariant 4). The answer goes back to the exchange as CreditsHeld or CreditHoldRejected.
 */
@Component
public class HoldingCredits {

    private final Accounts accounts;
    private final ProjectStandings projects;
    private final Holds holds;
    private final SerialBlocks blocks;
    private final LedgerMovements movements;
    private final LedgerEvents messages;
    private final Clock clock;

    HoldingCredits(Accounts accounts, ProjectStandings projects, Holds holds, SerialBlocks blocks,
            LedgerMovements movements, LedgerEvents messages, Clock clock) {
        this.accounts = accounts;
        this.projects = projects;
        this.holds = holds;
        this.blocks = blocks;
        this.movements = movements;
        this.messages = messages;
        this.clock = clock;
    }

    public record HoldCredits(UUID holdId, String instrumentId, UUID participantId, UUID projectId, int vintage,
            long quantity) {
    }

    @Transactional
    public void hold(HoldCredits command) {
        if (holds.known(command.holdId())) {
            return;
        }
        Instant now = clock.instant();
        var account = accounts.holdingAccountOf(command.participantId());
        if (account.isEmpty()) {
            refuse(command, "participant " + command.participantId() + " has no registry account", now);
            return;
        }
        if (command.quantity() <= 0) {
            refuse(command, "a hold must be for at least one credit, not " + command.quantity(), now);
            return;
        }
        var project = projects.share(command.projectId());
        if (project.isEmpty() || project.get().frozen()) {
            refuse(command, project.isEmpty() ? "no project " + command.projectId()
                    : "project " + project.get().code() + " is " + project.get().status() + "; its credits cannot move",
                    now);
            return;
        }
        accounts.lock(account.get().id());
        List<SerialBlock> available = blocks.lockAvailable(account.get().id(), command.projectId(), command.vintage());
        long total = available.stream().mapToLong(SerialBlock::quantity).sum();
        if (total < command.quantity()) {
            List<SerialBlock> pledged = blocks.pledged(account.get().id(), command.projectId(), command.vintage());
            // the exchange shows the reason to the seller: name the pledge that keeps the credits back
            refuse(command, "account holds " + total + " available credits of project " + command.projectId()
                    + " vintage " + command.vintage() + ", " + command.quantity() + " requested"
                    + (pledged.isEmpty() ? "" : "; " + CreditSelection.pledgedReason(pledged,
                            project.get().code(), command.vintage())), now);
            return;
        }
        holds.add(new Hold(command.holdId(), account.get().id(), command.projectId(), command.vintage(),
                command.instrumentId(), command.quantity(), 0, 0, 0, Hold.Status.ACTIVE, now));
        List<SerialRange> moved = blocks.apply(BlockMove.take(available, command.quantity(),
                Placement.held(account.get().id(), command.holdId()))).moved();
        movements.record(LedgerMovements.Kind.HOLD, now, command.projectId(), moved, account.get().id(),
                account.get().id(), command.holdId(), command.participantId());
        messages.held(command.holdId(), command.instrumentId(), command.quantity());
    }

    private void refuse(HoldCredits command, String reason, Instant now) {
        holds.reject(command.holdId(), reason, now);
        messages.holdRejected(command.holdId(), command.instrumentId(), reason);
    }
}
