package org.carbonsink.registry.ledger;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carbonsink.registry.participant.Accounts;
import org.carbonsink.registry.project.Project;
import org.carbonsink.registry.project.Projects;
import org.carbonsink.support.messaging.EventRefused;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues the credits of a verified monitoring report: one serial range, the owner's share to the
 * owner's account and the buffer share to the buffer pool. CCER: the registered quantity must
 * equal the verified quantity, and a verified quantity is issued once (unique report id).
 */
@Component
public class IssuingCredits {

    private final Projects projects;
    private final Accounts accounts;
    private final Issuances issuances;
    private final SerialBlocks blocks;
    private final LedgerMovements movements;
    private final LedgerEvents messages;
    private final Clock clock;

    IssuingCredits(Projects projects, Accounts accounts, Issuances issuances, SerialBlocks blocks,
            LedgerMovements movements, LedgerEvents messages, Clock clock) {
        this.projects = projects;
        this.accounts = accounts;
        this.issuances = issuances;
        this.blocks = blocks;
        this.movements = movements;
        this.messages = messages;
        this.clock = clock;
    }

    public record IssueCredits(UUID reportId, UUID projectId, UUID ownerId, int vintage, long verifiedCredits,
            long bufferCredits) {
    }

    /** Answers the issuance, or empty when the report's credits were issued before. */
    @Transactional
    public Optional<Issuance> issue(IssueCredits command) {
        if (issuances.forReport(command.reportId()).isPresent()) {
            return Optional.empty();
        }
        if (command.verifiedCredits() <= 0 || command.bufferCredits() < 0
                || command.bufferCredits() > command.verifiedCredits()) {
            throw new EventRefused("report " + command.reportId() + " verified " + command.verifiedCredits()
                    + " credits with a buffer share of " + command.bufferCredits());
        }
        Project project = projects.find(command.projectId()).orElseThrow(() -> new EventRefused(
                "report " + command.reportId() + " is for unknown project " + command.projectId()));
        if (project.status() != Project.Status.REGISTERED) {
            throw new EventRefused("project " + project.code() + " is " + project.status() + ", not REGISTERED");
        }
        if (!project.ownerId().equals(command.ownerId())) {
            throw new EventRefused("report " + command.reportId() + " names owner " + command.ownerId()
                    + " but project " + project.code() + " is owned by " + project.ownerId());
        }
        UUID ownerAccount = accounts.holdingAccountOf(project.ownerId()).orElseThrow(() -> new EventRefused(
                "owner " + project.ownerId() + " has no holding account")).id();

        long first = blocks.allocate(command.verifiedCredits());
        long ownerQuantity = command.verifiedCredits() - command.bufferCredits();
        Issuance issuance = new Issuance(UUID.randomUUID(), command.reportId(), project.id(), project.code(),
                command.vintage(), command.verifiedCredits(), ownerQuantity, command.bufferCredits(), first,
                first + command.verifiedCredits() - 1, ownerAccount, clock.instant());
        issuances.add(issuance);
        if (issuance.ownerRange() != null) {
            blocks.add(issuance.id(), project.id(), issuance.vintage(), issuance.ownerRange().first(),
                    issuance.ownerRange().last(), ownerAccount);
            movements.record(LedgerMovements.Kind.ISSUE, issuance.issuedAt(), project.id(),
                    List.of(issuance.ownerRange()), null, ownerAccount, issuance.id());
        }
        if (issuance.bufferRange() != null) {
            blocks.add(issuance.id(), project.id(), issuance.vintage(), issuance.bufferRange().first(),
                    issuance.bufferRange().last(), Accounts.BUFFER_POOL);
            movements.record(LedgerMovements.Kind.ISSUE, issuance.issuedAt(), project.id(),
                    List.of(issuance.bufferRange()), null, Accounts.BUFFER_POOL, issuance.id());
        }
        messages.issued(issuance, project.ownerId());
        return Optional.of(issuance);
    }
}
