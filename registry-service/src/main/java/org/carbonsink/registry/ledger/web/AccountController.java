package org.carbonsink.registry.ledger.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.carbonsink.registry.ledger.CancelCredits;
import org.carbonsink.registry.ledger.CancellingCredits;
import org.carbonsink.registry.ledger.CreditSelection;
import org.carbonsink.registry.ledger.Holdings.Holding;
import org.carbonsink.registry.ledger.Holdings;
import org.carbonsink.registry.ledger.RetireCredits;
import org.carbonsink.registry.ledger.RetiringCredits;
import org.carbonsink.registry.ledger.TransferCredits;
import org.carbonsink.registry.ledger.TransferringCredits;
import org.carbonsink.registry.ledger.core.SerialBlock;
import org.carbonsink.registry.participant.Accounts;
import org.carbonsink.support.web.Caller;
import org.carbonsink.support.web.KeysetPage;
import org.carbonsink.support.web.Refuses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A holder's view of its account, and the holder's movements out of it: transfer, retirement,
 * voluntary cancellation. Private: only the holder may call. Each POST takes an
 * {@code Idempotency-Key}, so a retried request moves nothing twice.
 */
@RestController
@RequestMapping("/accounts/{accountId}")
class AccountController {

    private final Accounts accounts;
    private final Holdings holdings;
    private final RetiringCredits retiring;
    private final TransferringCredits transferring;
    private final CancellingCredits cancelling;

    AccountController(Accounts accounts, Holdings holdings, RetiringCredits retiring, TransferringCredits transferring,
            CancellingCredits cancelling) {
        this.accounts = accounts;
        this.holdings = holdings;
        this.retiring = retiring;
        this.transferring = transferring;
        this.cancelling = cancelling;
    }

    record AccountView(UUID id, UUID participantId, Accounts.Account.Kind kind, List<Holding> holdings) {
    }

    @GetMapping
    AccountView get(Caller caller, @PathVariable UUID accountId) {
        Accounts.Account account = accounts.heldBy(accountId, caller.participantId());
        return new AccountView(account.id(), account.participantId(), account.kind(), holdings.of(account.id()));
    }

    /** The account's blocks, lowest serials first; {@code after} is the {@code next} of the page before. */
    @GetMapping("/serial-blocks")
    CursorPage<SerialBlockView> blocks(Caller caller, @PathVariable UUID accountId,
            @RequestParam(defaultValue = KeysetPage.DEFAULT_LIMIT) @Min(1) @Max(KeysetPage.MAX_LIMIT) int limit,
            @RequestParam(defaultValue = "0") @Min(0) long after) {
        Accounts.Account account = accounts.heldBy(accountId, caller.participantId());
        return CursorPage.counted(KeysetPage.of(holdings.blocks(account.id(), after, limit + 1), limit,
                (SerialBlock b) -> String.valueOf(b.firstSerial()), SerialBlockView::of),
                holdings.blockCount(account.id()));
    }

    @Refuses({ HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT })
    @PostMapping("/retirements")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<RetirementView> retire(Caller caller, @PathVariable UUID accountId,
            @Valid @RequestBody RetireRequest request) {
        RetirementView retirement = RetirementView.of(retiring.retire(new RetireCredits(accountId,
                caller.participantId(), request.projectId(), request.vintage(),
                new CreditSelection(request.quantity(), request.firstSerial(), request.lastSerial()),
                request.beneficiary(), request.purpose(), request.note())));
        return ResponseEntity.created(URI.create(retirement.url())).body(retirement);
    }

    @Refuses({ HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT })
    @PostMapping("/transfers")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<TransferView> transfer(Caller caller, @PathVariable UUID accountId,
            @Valid @RequestBody TransferRequest request) {
        TransferView transfer = TransferView.of(transferring.transfer(new TransferCredits(accountId,
                caller.participantId(), request.toAccountId(), request.projectId(), request.vintage(),
                new CreditSelection(request.quantity(), request.firstSerial(), request.lastSerial()))));
        // a transfer is the holders' business: it has no public record to point to
        return ResponseEntity.status(HttpStatus.CREATED).body(transfer);
    }

    @Refuses({ HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT })
    @PostMapping("/cancellations")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CancellationView> cancel(Caller caller, @PathVariable UUID accountId,
            @Valid @RequestBody CancelRequest request) {
        CancellationView cancellation = CancellationView.of(cancelling.cancel(new CancelCredits(accountId,
                caller.participantId(), request.projectId(), request.vintage(),
                new CreditSelection(request.quantity(), request.firstSerial(), request.lastSerial()),
                request.reason())));
        return ResponseEntity.created(URI.create(cancellation.url())).body(cancellation);
    }
}
