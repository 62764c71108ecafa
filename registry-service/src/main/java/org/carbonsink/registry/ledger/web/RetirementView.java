package org.carbonsink.registry.ledger.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.carbonsink.registry.ledger.Retirement;
import org.carbonsink.registry.ledger.RetirementPurpose;
import org.carbonsink.support.web.Locations;

/**
 * The public retirement record; {@code url} is its stable address as the client called (the gateway's path
 * behind the gateway), {@code serials} at most the first 100 ranges.
 */
record RetirementView(UUID id, String url, UUID accountId, UUID holderId, UUID projectId, String projectCode,
        int vintage, long quantity, String beneficiary, RetirementPurpose purpose, String note, Instant retiredAt,
        List<SerialRangeView> serials) {

    static RetirementView of(Retirement r) {
        return new RetirementView(r.id(), Locations.of("/retirements/" + r.id()).toString(),
                r.accountId(), r.holderId(), r.projectId(),
                r.projectCode(), r.vintage(), r.quantity(), r.beneficiary(), r.purpose(), r.note(), r.retiredAt(),
                r.serials().stream().map(SerialRangeView::of).toList());
    }
}
