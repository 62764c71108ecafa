package org.carbonsink.trading.reconciliation.web;

import org.carbonsink.support.web.Caller;
import org.carbonsink.trading.reconciliation.SettlementRecords;
import org.carbonsink.trading.reconciliation.SettlementSnapshot;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The exchange's half of the cross-service reconciliation, for the exchange operator. */
@RestController
class ReconciliationController {

    private final SettlementRecords records;
    private final String adminRole;

    ReconciliationController(SettlementRecords records,
            @Value("${carbonsink.admin.role:EXCHANGE_OPERATOR}") String adminRole) {
        this.records = records;
        this.adminRole = adminRole;
    }

    @GetMapping("/admin/reconciliation/snapshot")
    SettlementSnapshot snapshot(Caller caller) {
        caller.requireRole(adminRole, "read the reconciliation snapshot");
        return records.snapshot();
    }
}
