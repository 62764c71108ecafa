package org.carbonsink.registry.ledger.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.carbonsink.registry.ledger.Transfer;

record TransferView(UUID id, UUID fromAccountId, UUID toAccountId, UUID projectId, String projectCode, int vintage,
        long quantity, Instant transferredAt, List<SerialRangeView> serials) {

    static TransferView of(Transfer t) {
        return new TransferView(t.id(), t.fromAccountId(), t.toAccountId(), t.projectId(), t.projectCode(),
                t.vintage(), t.quantity(), t.transferredAt(), t.serials().stream().map(SerialRangeView::of).toList());
    }
}
