package org.carbonsink.registry.ledger.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.carbonsink.registry.ledger.Cancellation;
import org.carbonsink.support.web.Locations;

/** The public cancellation record; {@code serials} at most the first 100 ranges. */
record CancellationView(UUID id, String url, UUID accountId, UUID holderId, UUID projectId, String projectCode,
        int vintage, long quantity, Cancellation.Kind kind, String reason, UUID reversalId, Instant cancelledAt,
        List<SerialRangeView> serials) {

    static CancellationView of(Cancellation c) {
        return new CancellationView(c.id(), Locations.of("/cancellations/" + c.id()).toString(),
                c.accountId(), c.holderId(), c.projectId(),
                c.projectCode(), c.vintage(), c.quantity(), c.kind(), c.reason(), c.reversalId(), c.cancelledAt(),
                c.serials().stream().map(SerialRangeView::of).toList());
    }
}
