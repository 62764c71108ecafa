package org.carbonsink.trading.cash.web;

import jakarta.validation.Valid;
import java.util.UUID;
import org.carbonsink.support.web.Caller;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.support.web.Refuses;
import org.carbonsink.trading.cash.CashAccounts;
import org.carbonsink.trading.cash.DepositCash;
import org.carbonsink.trading.cash.Depositors;
import org.carbonsink.trading.cash.DepositingCash;
import org.carbonsink.trading.cash.WithdrawCash;
import org.carbonsink.trading.cash.WithdrawingCash;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A participant's cash account: read by the participant only; deposits booked by the exchange
 * operator (or by the participant itself in the demo profile); withdrawals by the operator only.
 */
@RestController
@RequestMapping("/cash-accounts/{participantId}")
class CashAccountController {

    private final DepositingCash depositing;
    private final WithdrawingCash withdrawing;
    private final Depositors depositors;
    private final CashAccounts accounts;

    CashAccountController(DepositingCash depositing, WithdrawingCash withdrawing, Depositors depositors,
            CashAccounts accounts) {
        this.depositing = depositing;
        this.withdrawing = withdrawing;
        this.depositors = depositors;
        this.accounts = accounts;
    }

    @Refuses(HttpStatus.UNPROCESSABLE_CONTENT)
    @PostMapping("/deposits")
    @ResponseStatus(HttpStatus.CREATED)
    CashAccountView deposit(Caller caller, @PathVariable UUID participantId,
            @Valid @RequestBody DepositRequest request) {
        var source = depositors.sourceOf(caller, participantId);
        return CashAccountView.of(depositing.deposit(
                new DepositCash(participantId, request.amount(), source, caller.participantId(), null)));
    }

    @Refuses(HttpStatus.UNPROCESSABLE_CONTENT)
    @PostMapping("/withdrawals")
    @ResponseStatus(HttpStatus.CREATED)
    CashAccountView withdraw(Caller caller, @PathVariable UUID participantId,
            @Valid @RequestBody WithdrawalRequest request) {
        caller.requireRole(Depositors.OPERATOR_ROLE, "pay cash out of an account");
        return CashAccountView.of(withdrawing.withdraw(
                new WithdrawCash(participantId, request.amount(), caller.participantId())));
    }

    @GetMapping
    CashAccountView get(Caller caller, @PathVariable UUID participantId) {
        if (!caller.is(participantId)) {
            throw ProblemException.forbidden("a participant may only read its own cash account");
        }
        return accounts.find(participantId).map(CashAccountView::of)
                .orElseThrow(() -> ProblemException.notFound("cash account", participantId));
    }
}
