package org.carbonsink.registry.ledger.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.carbonsink.registry.ledger.Holdings;
import org.carbonsink.registry.ledger.Holdings.Holding;
import org.carbonsink.registry.ledger.Retirement;
import org.carbonsink.registry.ledger.RetiringCredits;
import org.carbonsink.registry.ledger.RetiringCredits.RetireCredits;
import org.carbonsink.registry.ledger.SerialBlock;
import org.carbonsink.registry.participant.Accounts;
import org.carbonsink.support.web.Caller;
import org.carbonsink.support.web.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A holder's view of its account, and retirement from it. Private: only the holder may call. */
@RestController
@RequestMapping("/accounts/{accountId}")
class AccountController {

    private final Accounts accounts;
    private final Holdings holdings;
    private final RetiringCredits retiring;

    AccountController(Accounts accounts, Holdings holdings, RetiringCredits retiring) {
        this.accounts = accounts;
        this.holdings = holdings;
        this.retiring = retiring;
    }

    record AccountView(UUID id, UUID participantId, Accounts.Account.Kind kind, List<Holding> holdings) {
    }

    record SerialBlockView(String serial, UUID projectId, String projectCode, int vintage, long first, long last,
            long quantity, SerialBlock.State state, UUID holdId, UUID retirementId) {

        static SerialBlockView of(SerialBlock b) {
            return new SerialBlockView(b.range().serial(), b.projectId(), b.projectCode(), b.vintage(), b.firstSerial(),
                    b.lastSerial(), b.quantity(), b.state(), b.holdId(), b.retirementId());
        }
    }

    record RetireRequest(@NotNull UUID projectId, @NotNull @Min(2000) @Max(2200) Integer vintage,
            @NotNull @Positive Long quantity, @NotBlank @Size(max = 300) String beneficiary,
            @NotBlank @Size(max = 1000) String purpose) {
    }

    @GetMapping
    AccountView get(Caller caller, @PathVariable UUID accountId) {
        Accounts.Account account = accounts.heldBy(accountId, caller.participantId());
        return new AccountView(account.id(), account.participantId(), account.kind(), holdings.of(account.id()));
    }

    @GetMapping("/serial-blocks")
    Page<SerialBlockView> blocks(Caller caller, @PathVariable UUID accountId,
            @RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
            @RequestParam(defaultValue = "0") @Min(0) long offset) {
        Accounts.Account account = accounts.heldBy(accountId, caller.participantId());
        return new Page<>(holdings.blocks(account.id(), limit, offset).stream().map(SerialBlockView::of).toList(),
                limit, offset, holdings.blockCount(account.id()));
    }

    @PostMapping("/retirements")
    ResponseEntity<RetirementController.RetirementView> retire(Caller caller, @PathVariable UUID accountId,
            @Valid @RequestBody RetireRequest request) {
        Retirement retirement = retiring.retire(new RetireCredits(accountId, caller.participantId(),
                request.projectId(), request.vintage(), request.quantity(), request.beneficiary(), request.purpose()));
        return ResponseEntity.created(URI.create("/retirements/" + retirement.id()))
                .body(RetirementController.RetirementView.of(retirement));
    }
}
