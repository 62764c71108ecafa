package org.carbonsink.registry.ledger.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.carbonsink.registry.ledger.Reversal;
import org.carbonsink.support.web.Locations;

/**
 * The public reversal record: the loss, what the buffer covered, and whether issuance is blocked.
 * {@code reportId} (with {@code reportUrl}, at the gateway) names the verified monitoring report
 * whose negative net removals the loss is (a monitored loss, {@code recordedBy} null); both are null
 * for a loss the administrator recorded.
 */
record ReversalView(UUID id, String url, UUID projectId, String projectCode, LocalDate lossDate, String cause,
        long lossCredits, long bufferCancelled, long shortfall, long madeGoodCredits, boolean issuanceBlocked,
        Instant madeGoodAt, Instant recordedAt, UUID recordedBy, UUID reportId, String reportUrl) {

    static ReversalView of(Reversal r) {
        return new ReversalView(r.id(), Locations.of("/reversals/" + r.id()).toString(),
                r.projectId(), r.projectCode(), r.lossDate(),
                r.cause(), r.lossCredits(), r.bufferCancelled(), r.shortfall(), r.madeGoodCredits(), !r.madeGood(),
                r.madeGoodAt(), r.recordedAt(), r.recordedBy(), r.reportId(),
                r.reportId() == null ? null : "/api/verification/reports/" + r.reportId());
    }
}
