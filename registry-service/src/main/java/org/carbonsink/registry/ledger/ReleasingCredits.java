package org.carbonsink.registry.ledger;

import org.carbonsink.registry.ledger.core.BlockMove;
import org.carbonsink.registry.ledger.core.Placement;
import org.carbonsink.registry.ledger.core.SerialRange;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.carbonsink.registry.participant.Accounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives held credits back to the seller when the exchange no longer needs them. Only what is
 * still held and not owed to an executed trade can go: the exchange asks for the unfilled part of
 * a cancelled order, so deliveries of earlier trades, in whatever order their events arrive, still
 * find their credits on the hold.
 */
@Component
public class ReleasingCredits {

    private static final Logger log = LoggerFactory.getLogger(ReleasingCredits.class);

    private final Accounts accounts;
    private final ProjectStandings projects;
    private final Holds holds;
    private final SerialBlocks blocks;
    private final LedgerMovements movements;
    private final Clock clock;

    static final String RELEASED_BEFORE_HELD = "the exchange let go of this hold before the registry made it";

    ReleasingCredits(Accounts accounts, ProjectStandings projects, Holds holds, SerialBlocks blocks,
            LedgerMovements movements, Clock clock) {
        this.accounts = accounts;
        this.projects = projects;
        this.holds = holds;
        this.blocks = blocks;
        this.movements = movements;
        this.clock = clock;
    }

    public record ReleaseCredits(UUID holdId, long quantity) {
    }

    @Transactional
    public void release(ReleaseCredits command) {
        projects.shareOfHold(command.holdId());
        Hold hold = holds.lock(command.holdId()).orElse(null);
        if (hold == null && !holds.known(command.holdId())) {
            // asked back before it was asked for (an order cancelled while its hold request was still on its
            // way, or held up): refused for good, so that the request read later holds nothing
            holds.reject(command.holdId(), RELEASED_BEFORE_HELD, clock.instant());
            return;
        }
        if (hold == null || hold.status() != Hold.Status.ACTIVE) {
            log.warn("release of {} credits from hold {} ignored: the hold is {}", command.quantity(),
                    command.holdId(), hold == null ? "unknown" : hold.status());
            return;
        }
        long quantity = Math.min(command.quantity(), hold.remaining());
        if (quantity < command.quantity()) {
            log.warn("hold {} has {} credits left; {} asked back", hold.id(), hold.remaining(), command.quantity());
        }
        if (quantity <= 0) {
            return;
        }
        accounts.lock(hold.accountId());
        Instant now = clock.instant();
        List<SerialRange> moved = blocks.apply(BlockMove.take(blocks.lockHeld(hold.id()), quantity,
                Placement.available(hold.accountId()))).moved();
        holds.release(hold.id(), quantity);
        movements.record(LedgerMovements.Kind.RELEASE, now, hold.projectId(), moved, hold.accountId(),
                hold.accountId(), hold.id(), null);
    }
}
