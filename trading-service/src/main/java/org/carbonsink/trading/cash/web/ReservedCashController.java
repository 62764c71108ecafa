package org.carbonsink.trading.cash.web;

import java.util.List;
import org.carbonsink.support.web.Caller;
import org.carbonsink.trading.cash.CashMismatch;
import org.carbonsink.trading.cash.Depositors;
import org.carbonsink.trading.cash.ReservedCash;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The exchange operator's check of invariant 4 over every cash account. */
@RestController
class ReservedCashController {

    private final ReservedCash reservedCash;

    ReservedCashController(ReservedCash reservedCash) {
        this.reservedCash = reservedCash;
    }

    /** The accounts whose reserved cash differs from what it backs: an empty list when the books agree. */
    @GetMapping("/cash-check")
    List<CashMismatch> check(Caller caller) {
        caller.requireRole(Depositors.OPERATOR_ROLE, "check the cash accounts");
        return reservedCash.mismatches();
    }
}
