package org.carbonsink.registry.ledger.web;

import org.carbonsink.registry.ledger.SettlementRecords;
import org.carbonsink.registry.ledger.SettlementSnapshot;
import org.carbonsink.support.web.Caller;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registry's half of the cross-service reconciliation: the administrator reads it and compares
 * it with the exchange's ({@code local-stack}'s {@code Reconciliation}, docs/reliability.md).
 */
@RestController
class ReconciliationController {

    private final SettlementRecords records;
    private final String adminRole;

    ReconciliationController(SettlementRecords records, @Value("${carbonsink.admin.role:REGISTRY_ADMINISTRATOR}") String adminRole) {
        this.records = records;
        this.adminRole = adminRole;
    }

    @GetMapping("/admin/reconciliation/snapshot")
    SettlementSnapshot snapshot(Caller caller) {
        caller.requireRole(adminRole, "read the reconciliation snapshot");
        return records.snapshot();
    }
}
