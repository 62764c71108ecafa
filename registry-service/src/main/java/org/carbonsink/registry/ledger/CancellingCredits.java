package org.carbonsink.registry.ledger;

import org.carbonsink.registry.ledger.core.BlockMove;
import org.carbonsink.registry.ledger.core.SerialBlock;
import org.carbonsink.registry.ledger.core.Placement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carbonsink.registry.participant.Accounts;
import org.carbonsink.registry.project.ProjectCredits;
import org.carbonsink.support.web.ProblemException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes credits out of circulation: a holder cancels available credits with a reason (for example
 * moved to another registry or programme), and the revocation of a project cancels every one of
 * its unretired credits, wherever it is held, with the administrator's reason on each cancellation.
 */
@Component
public class CancellingCredits implements ProjectCredits {

    private final Accounts accounts;
    private final ProjectStandings projects;
    private final Holds holds;
    private final SerialBlocks blocks;
    private final Cancellations cancellations;
    private final LedgerMovements movements;
    private final LedgerEvents messages;
    private final Reversals reversals;
    private final Clock clock;

    CancellingCredits(Accounts accounts, ProjectStandings projects, Holds holds, SerialBlocks blocks,
            Cancellations cancellations, LedgerMovements movements, LedgerEvents messages, Reversals reversals,
            Clock clock) {
        this.accounts = accounts;
        this.projects = projects;
        this.holds = holds;
        this.blocks = blocks;
        this.cancellations = cancellations;
        this.movements = movements;
        this.messages = messages;
        this.reversals = reversals;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean issuanceBlockedByReversal(UUID projectId) {
        return !reversals.open(projectId).isEmpty();
    }

    @Transactional
    public Cancellation cancel(CancelCredits command) {
        Accounts.Account account = accounts.heldBy(command.accountId(), command.callerId());
        if (account.kind() != Accounts.Account.Kind.HOLDING) {
            throw ProblemException.rule("not-a-holding-account", "Credits cannot be cancelled from this account",
                    "account " + account.id() + " is the " + account.kind() + "; buffer credits are cancelled only "
                            + "to cover a reversal");
        }
        ProjectStandings.Standing project = projects.share(command.projectId()).orElseThrow(() -> ProblemException
                .invalidField("projectId", "known-project", "names no project in the registry")).requireMovable();
        accounts.lock(account.id());
        UUID id = UUID.randomUUID();
        Placement to = Placement.cancelled(account.id(), id);
        List<SerialBlock> available = blocks.lockAvailable(account.id(), project.id(), command.vintage());
        List<SerialBlock> pledged = blocks.pledged(account.id(), project.id(), command.vintage());
        BlockMove move = command.selection().pick(available, pledged, to, project.code(), command.vintage());
        Instant now = clock.instant();
        cancellations.add(new Cancellation(id, account.id(), account.participantId(), project.id(), project.code(),
                command.vintage(), move.quantity(), Cancellation.Kind.VOLUNTARY, command.reason().trim(),
                command.callerId(), null, now, List.of()));
        blocks.apply(move);
        movements.record(LedgerMovements.Kind.CANCEL, now, project.id(), move.moved(), account.id(), account.id(), id,
                command.callerId());
        Cancellation cancellation = cancellations.find(id).orElseThrow();
        messages.cancelled(cancellation, move.moved());
        return cancellation;
    }

    /**
     * Revocation: cancels every unretired credit of the project, available, held for the exchange or
     * pledged, in holders' accounts and in the buffer pool: one cancellation per account and vintage, each
     * with {@code reason}. Held credits leave their holds, so the exchange's later deliveries of
     * them fail and its trades are compensated.
     */
    @Override
    @Transactional
    public long cancelUnretiredCredits(UUID projectId, String reason, UUID administratorId) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a revocation names its reason");
        }
        ProjectStandings.Standing project = projects.exclusive(projectId)
                .orElseThrow(() -> ProblemException.notFound("project", projectId));
        List<Hold> active = holds.lockActive(project.id());
        // a reversal of another project may be cancelling this project's buffer credits
        accounts.lock(Accounts.BUFFER_POOL);
        List<SerialBlock> unretired = blocks.lockUnretired(project.id());
        Map<String, List<SerialBlock>> byAccountAndVintage = new LinkedHashMap<>();
        unretired.forEach(b -> byAccountAndVintage.computeIfAbsent(b.accountId() + "/" + b.vintage(),
                k -> new ArrayList<>()).add(b));
        Instant now = clock.instant();
        long total = 0;
        Iterator<UUID> ids = Cancellations.newIds(byAccountAndVintage.size()).iterator();
        for (List<SerialBlock> group : byAccountAndVintage.values()) {
            SerialBlock any = group.get(0);
            UUID id = ids.next();
            BlockMove move = BlockMove.takeAll(group, Placement.cancelled(any.accountId(), id));
            UUID holder = accounts.find(any.accountId()).orElseThrow().participantId();
            cancellations.add(new Cancellation(id, any.accountId(), holder, project.id(), project.code(),
                    any.vintage(), move.quantity(), Cancellation.Kind.REVOCATION, reason.trim(), administratorId,
                    null, now, List.of()));
            blocks.apply(move);
            movements.record(LedgerMovements.Kind.CANCEL, now, project.id(), move.moved(), any.accountId(),
                    any.accountId(), id, administratorId);
            messages.cancelled(cancellations.find(id).orElseThrow(), move.moved());
            total += move.quantity();
        }
        for (Hold hold : active) {
            long held = unretired.stream().filter(b -> hold.id().equals(b.holdId())).mapToLong(SerialBlock::quantity)
                    .sum();
            if (held > 0) {
                holds.cancel(hold.id(), held);
            }
        }
        return total;
    }
}
