package org.carbonsink.trading.cash.web;

import jakarta.validation.Valid;
import java.util.UUID;
import org.carbonsink.support.web.Caller;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.trading.cash.CashAccounts;
import org.carbonsink.trading.cash.DepositCash;
import org.carbonsink.trading.cash.DepositingCash;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A participant's own cash account; nobody else may read it or pay into it through this API. */
@RestController
@RequestMapping("/cash-accounts/{participantId}")
class CashAccountController {

    private final DepositingCash depositing;
    private final CashAccounts accounts;

    CashAccountController(DepositingCash depositing, CashAccounts accounts) {
        this.depositing = depositing;
        this.accounts = accounts;
    }

    @PostMapping("/deposits")
    @ResponseStatus(HttpStatus.CREATED)
    CashAccountView deposit(Caller caller, @PathVariable UUID participantId,
            @Valid @RequestBody DepositRequest request) {
        requireOwner(participantId, caller);
        return CashAccountView.of(depositing.deposit(new DepositCash(participantId, request.amount())));
    }

    @GetMapping
    CashAccountView get(Caller caller, @PathVariable UUID participantId) {
        requireOwner(participantId, caller);
        return accounts.find(participantId).map(CashAccountView::of)
                .orElseThrow(() -> ProblemException.notFound("cash account", participantId));
    }

    private static void requireOwner(UUID participantId, Caller caller) {
        if (!caller.participantId().equals(participantId)) {
            throw ProblemException.forbidden("a participant may only use their own cash account");
        }
    }
}
