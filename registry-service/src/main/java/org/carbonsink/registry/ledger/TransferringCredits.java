package org.carbonsink.registry.ledger;

import org.carbonsink.registry.ledger.core.BlockMove;
import org.carbonsink.registry.ledger.core.SerialBlock;
import org.carbonsink.registry.ledger.core.Placement;
import org.carbonsink.registry.ledger.core.SerialRange;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.carbonsink.registry.participant.Accounts;
import org.carbonsink.support.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A holder transfers available credits of one project and vintage, a quantity or a named serial
 * range, to another registry account. The buffer pool receives credits only from issuance.
 */
@Component
public class TransferringCredits {

    private final Accounts accounts;
    private final ProjectStandings projects;
    private final SerialBlocks blocks;
    private final LedgerMovements movements;
    private final LedgerEvents messages;
    private final JdbcClient jdbc;
    private final Clock clock;

    TransferringCredits(Accounts accounts, ProjectStandings projects, SerialBlocks blocks, LedgerMovements movements,
            LedgerEvents messages, JdbcClient jdbc, Clock clock) {
        this.accounts = accounts;
        this.projects = projects;
        this.blocks = blocks;
        this.movements = movements;
        this.messages = messages;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Transfer transfer(TransferCredits command) {
        Accounts.Account from = accounts.heldBy(command.accountId(), command.callerId());
        if (from.kind() != Accounts.Account.Kind.HOLDING) {
            throw ProblemException.rule("not-a-holding-account", "Credits cannot be transferred from this account",
                    "account " + from.id() + " is the " + from.kind() + "; only holding accounts transfer credits");
        }
        Accounts.Account to = accounts.find(command.toAccountId()).orElseThrow(() -> ProblemException.rule(
                "unknown-receiving-account", "No such receiving account",
                "toAccountId " + command.toAccountId() + " names no registry account"));
        if (to.kind() != Accounts.Account.Kind.HOLDING) {
            throw ProblemException.rule("buffer-pool-receives-no-transfers", "The buffer pool receives no transfers",
                    "toAccountId names the buffer pool; it receives buffer credits only from issuance");
        }
        if (to.id().equals(from.id())) {
            throw ProblemException.rule("transfer-to-itself", "A transfer needs another account",
                    "toAccountId is the sending account itself");
        }
        ProjectStandings.Standing project = projects.share(command.projectId()).orElseThrow(() -> ProblemException
                .invalidField("projectId", "known-project", "names no project in the registry")).requireMovable();
        // both accounts, in id order, so two opposite transfers cannot wait on each other
        List.of(from.id(), to.id()).stream().sorted().forEach(accounts::lock);
        List<SerialBlock> available = blocks.lockAvailable(from.id(), project.id(), command.vintage());
        List<SerialBlock> pledged = blocks.pledged(from.id(), project.id(), command.vintage());
        BlockMove move = blocks.apply(command.selection().pick(available, pledged, Placement.available(to.id()),
                project.code(), command.vintage()));
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into transfer (id, from_account_id, to_account_id, project_id, vintage, quantity, "
                + "transferred_by, transferred_at) values (:id, :from, :to, :project, :vintage, :quantity, :by, :at)")
                .param("id", id).param("from", from.id()).param("to", to.id()).param("project", project.id())
                .param("vintage", command.vintage()).param("quantity", move.quantity()).param("by", command.callerId())
                .param("at", Timestamp.from(now)).update();
        movements.record(LedgerMovements.Kind.TRANSFER, now, project.id(), move.moved(), from.id(), to.id(), id,
                command.callerId());
        List<SerialRange> shown = move.moved().stream().limit(Retirement.SERIALS_SHOWN).toList();
        Transfer transfer = new Transfer(id, from.id(), to.id(), from.participantId(), to.participantId(), project.id(),
                project.code(), command.vintage(), move.quantity(), now, shown);
        messages.transferred(transfer, move.moved());
        return transfer;
    }
}
