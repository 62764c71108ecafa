package org.carbonsink.registry.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.carbonsink.registry.ledger.core.BlockMove;
import org.carbonsink.registry.ledger.core.Placement;
import org.carbonsink.registry.ledger.core.SerialBlock;
import org.carbonsink.registry.ledger.core.SerialRange;
import org.carbonsink.registry.participant.Accounts;
import org.carbonsink.support.web.ProblemException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's side of a pledge: encumbers a holder's available credits (they become PLEDGED in
 * the holder's account and cannot be transferred, held, retired or cancelled), releases them back to
 * available, or on enforcement moves them to the lender's account. The pledge feature keeps the
 * pledge itself and calls these in its own transaction; the database checks at commit that a
 * pledge's blocks hold exactly what the pledge records.
 */
@Component
public class EncumberingCredits {

    private final Accounts accounts;
    private final ProjectStandings projects;
    private final SerialBlocks blocks;
    private final LedgerMovements movements;
    private final Clock clock;

    EncumberingCredits(Accounts accounts, ProjectStandings projects, SerialBlocks blocks, LedgerMovements movements,
            Clock clock) {
        this.accounts = accounts;
        this.projects = projects;
        this.blocks = blocks;
        this.movements = movements;
        this.clock = clock;
    }

    /** Encumbers the selected available credits of the caller's account under the pledge. */
    @Transactional
    public Encumbrance encumber(EncumberCredits command) {
        Accounts.Account account = accounts.heldBy(command.accountId(), command.callerId());
        if (account.kind() != Accounts.Account.Kind.HOLDING) {
            throw ProblemException.rule("not-a-holding-account", "Credits cannot be pledged from this account",
                    "account " + account.id() + " is the " + account.kind() + "; only holding accounts pledge credits");
        }
        ProjectStandings.Standing project = projects.share(command.projectId()).orElseThrow(() -> ProblemException
                .invalidField("projectId", "known-project", "names no project in the registry")).requireMovable();
        accounts.lock(account.id());
        List<SerialBlock> available = blocks.lockAvailable(account.id(), project.id(), command.vintage());
        List<SerialBlock> pledged = blocks.pledged(account.id(), project.id(), command.vintage());
        BlockMove move = blocks.apply(command.selection().pick(available, pledged,
                Placement.pledged(account.id(), command.pledgeId()), project.code(), command.vintage()));
        Instant now = clock.instant();
        movements.record(LedgerMovements.Kind.PLEDGE, now, project.id(), move.moved(), account.id(), account.id(),
                command.pledgeId(), command.callerId());
        return encumbrance(command.pledgeId(), account, project, move, now);
    }

    /**
     * Releases the {@code quantity} lowest pledged serials of the pledge back to the available credits
     * of the pledgor's account {@code accountId}.
     */
    @Transactional
    public Encumbrance release(UUID pledgeId, UUID projectId, UUID accountId, long quantity, UUID actorId) {
        ProjectStandings.Standing project = projects.share(projectId).orElseThrow();
        Accounts.Account account = accounts.find(accountId).orElseThrow();
        accounts.lock(account.id());
        List<SerialBlock> pledged = blocks.lockPledged(pledgeId);
        BlockMove move = blocks.apply(BlockMove.take(pledged, quantity, Placement.available(account.id())));
        Instant now = clock.instant();
        movements.record(LedgerMovements.Kind.UNPLEDGE, now, project.id(), move.moved(), account.id(), account.id(),
                pledgeId, actorId);
        return encumbrance(pledgeId, account, project, move, now);
    }

    /**
     * Enforcement: every pledged serial of the pledge moves to the lender's account, available to
     * it. Refused while the project is suspended or revoked, like any movement between accounts.
     */
    @Transactional
    public Encumbrance enforce(UUID pledgeId, UUID projectId, UUID from, UUID lenderAccountId, UUID actorId) {
        ProjectStandings.Standing project = projects.share(projectId).orElseThrow().requireMovable();
        // both accounts, in id order, as a transfer does
        List.of(from, lenderAccountId).stream().sorted().forEach(accounts::lock);
        List<SerialBlock> pledged = blocks.lockPledged(pledgeId);
        BlockMove move = blocks.apply(BlockMove.takeAll(pledged, Placement.available(lenderAccountId)));
        Instant now = clock.instant();
        movements.record(LedgerMovements.Kind.ENFORCE, now, project.id(), move.moved(), from, lenderAccountId,
                pledgeId, actorId);
        return encumbrance(pledgeId, accounts.find(lenderAccountId).orElseThrow(), project, move, now);
    }

    /** Encumbers, for each claim in turn, the next serials of a fresh issuance to the owner. */
    void encumberIssued(Issuance issuance, List<IssuanceEncumbrances.Claim> claims, IssuanceEncumbrances pledges) {
        SerialRange owned = issuance.ownerRange();
        if (owned == null || claims.isEmpty()) {
            return;
        }
        ProjectStandings.Standing project = projects.share(issuance.projectId()).orElseThrow();
        Accounts.Account account = accounts.find(issuance.ownerAccountId()).orElseThrow();
        accounts.lock(account.id());
        long next = owned.first();
        for (IssuanceEncumbrances.Claim claim : claims) {
            long last = next + claim.quantity() - 1;
            if (claim.quantity() <= 0 || last > owned.last()) {
                throw new IllegalStateException("pledges claim more than the " + owned.quantity() + " credits issued");
            }
            List<SerialBlock> available = blocks.lockAvailable(account.id(), project.id(), issuance.vintage());
            BlockMove move = blocks.apply(BlockMove.takeRange(available, next, last,
                    Placement.pledged(account.id(), claim.pledgeId())));
            movements.record(LedgerMovements.Kind.PLEDGE, issuance.issuedAt(), project.id(), move.moved(),
                    account.id(), account.id(), claim.pledgeId(), null);
            pledges.encumbered(encumbrance(claim.pledgeId(), account, project, move, issuance.issuedAt()),
                    issuance.vintage());
            next = last + 1;
        }
    }

    private static Encumbrance encumbrance(UUID pledgeId, Accounts.Account account, ProjectStandings.Standing project,
            BlockMove move, Instant at) {
        return new Encumbrance(pledgeId, account.id(), account.participantId(), project.id(), project.code(),
                move.quantity(), move.moved().stream().limit(Retirement.SERIALS_SHOWN)
                        .map(r -> new Encumbrance.Range(r.serial(), r.vintage(), r.first(), r.last())).toList(), at);
    }
}
