package org.carbonsink.registry.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.carbonsink.registry.ledger.core.SerialRange;
import org.carbonsink.registry.participant.Accounts;
import org.carbonsink.support.messaging.EventRefused;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues the credits of a verified monitoring report, one issuance per vintage: a serial range
 * whose low part goes to the owner's account and high part to the buffer pool. CCER: the
 * registered quantity equals the verified quantity, and a verified quantity is issued once
 * (unique report and vintage). Only a REGISTERED project whose issuance no reversal blocks gets
 * credits; a report verified while a reversal blocks the project makes the loss good first, and only
 * its credits beyond the loss are issued ({@link IssueCredits#afterMakingGood}). The owner's new
 * credits are encumbered at once for the pledges of the project's future issuance that are not yet
 * covered, oldest first (docs/pledges.md).
 */
@Component
public class IssuingCredits {

    private final ProjectStandings projects;
    private final RecordingReversals reversals;
    private final Accounts accounts;
    private final Issuances issuances;
    private final SerialBlocks blocks;
    private final LedgerMovements movements;
    private final LedgerEvents messages;
    private final EncumberingCredits encumbering;
    private final IssuanceEncumbrances pledges;
    private final Clock clock;

    IssuingCredits(ProjectStandings projects, RecordingReversals reversals, Accounts accounts, Issuances issuances,
            SerialBlocks blocks, LedgerMovements movements, LedgerEvents messages, EncumberingCredits encumbering,
            IssuanceEncumbrances pledges, Clock clock) {
        this.projects = projects;
        this.reversals = reversals;
        this.accounts = accounts;
        this.issuances = issuances;
        this.blocks = blocks;
        this.movements = movements;
        this.messages = messages;
        this.encumbering = encumbering;
        this.pledges = pledges;
        this.clock = clock;
    }

    /** Answers the issuances made, none when the report's credits were issued before. */
    @Transactional
    public List<Issuance> issue(IssueCredits command) {
        if (issuances.issuedFor(command.reportId())) {
            return List.of();
        }
        List<IssueCredits.VintageCredits> vintages = vintages(command);
        ProjectStandings.Standing project = projects.share(command.projectId()).orElseThrow(() -> new EventRefused(
                "report " + command.reportId() + " is for unknown project " + command.projectId()));
        if (!"REGISTERED".equals(project.status())) {
            throw new EventRefused("project " + project.code() + " is " + project.status() + ", not REGISTERED");
        }
        if (!project.ownerId().equals(command.ownerId())) {
            throw new EventRefused("report " + command.reportId() + " names owner " + command.ownerId()
                    + " but project " + project.code() + " is owned by " + project.ownerId());
        }
        long madeGood = reversals.makeGood(command.reportId(), project.id(), project.status(),
                command.verifiedCredits());
        if (madeGood == command.verifiedCredits()) {
            return List.of();
        }
        vintages = command.afterMakingGood(madeGood, project.bufferRate()).stream().filter(v -> v.credits() > 0)
                .toList();
        UUID ownerAccount = accounts.holdingAccountOf(project.ownerId()).orElseThrow(() -> new EventRefused(
                "owner " + project.ownerId() + " has no holding account")).id();
        Instant now = clock.instant();
        List<Issuance> issued = new ArrayList<>();
        for (IssueCredits.VintageCredits v : vintages) {
            long first = blocks.allocate(v.credits());
            Issuance issuance = new Issuance(UUID.randomUUID(), command.reportId(), project.id(), project.code(),
                    v.vintage(), v.credits(), v.credits() - v.bufferCredits(), v.bufferCredits(), first,
                    first + v.credits() - 1, ownerAccount, now);
            issuances.add(issuance);
            place(issuance, issuance.ownerRange(), ownerAccount);
            place(issuance, issuance.bufferRange(), Accounts.BUFFER_POOL);
            messages.issued(issuance, project.ownerId());
            if (issuance.ownerQuantity() > 0) {
                encumbering.encumberIssued(issuance,
                        pledges.claim(project.id(), project.ownerId(), issuance.ownerQuantity()), pledges);
            }
            issued.add(issuance);
        }
        return issued;
    }

    private void place(Issuance issuance, SerialRange range, UUID account) {
        if (range == null) {
            return;
        }
        blocks.add(issuance.id(), issuance.projectId(), issuance.vintage(), range.first(), range.last(), account);
        movements.record(LedgerMovements.Kind.ISSUE, issuance.issuedAt(), issuance.projectId(), List.of(range), null,
                account, issuance.id(), null);
    }

    /**
     * The vintages to issue: the report's split, or everything under its one vintage when the
     * producer predates the split. Vintages with no credits issue nothing.
     */
    private static List<IssueCredits.VintageCredits> vintages(IssueCredits command) {
        if (command.verifiedCredits() <= 0 || command.bufferCredits() < 0
                || command.bufferCredits() > command.verifiedCredits()) {
            throw new EventRefused("report " + command.reportId() + " verified " + command.verifiedCredits()
                    + " credits with a buffer share of " + command.bufferCredits());
        }
        long credits = 0;
        long buffer = 0;
        Set<Integer> seen = new HashSet<>();
        for (IssueCredits.VintageCredits v : command.vintages()) {
            if (v.credits() < 0 || v.bufferCredits() < 0 || v.bufferCredits() > v.credits() || !seen.add(v.vintage())
                    || v.vintage() < 2000 || v.vintage() > 2200) {
                throw new EventRefused("report " + command.reportId() + " has an invalid or repeated vintage " + v);
            }
            credits += v.credits();
            buffer += v.bufferCredits();
        }
        if (credits != command.verifiedCredits() || buffer != command.bufferCredits()) {
            throw new EventRefused("report " + command.reportId() + " splits " + credits + " credits (" + buffer
                    + " buffer) over its vintages but verified " + command.verifiedCredits() + " ("
                    + command.bufferCredits() + " buffer)");
        }
        return command.vintages().stream().filter(v -> v.credits() > 0).toList();
    }
}
