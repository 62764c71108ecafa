package org.carbonsink.registry.ledger.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.carbonsink.registry.ledger.Reversal;

/** The public reversal record: the loss, what the buffer covered, and whether issuance is blocked. */
record ReversalView(UUID id, String url, UUID projectId, String projectCode, LocalDate lossDate, String cause,
        long lossCredits, long bufferCancelled, long shortfall, long madeGoodCredits, boolean issuanceBlocked,
        Instant madeGoodAt, Instant recordedAt) {

    static ReversalView of(Reversal r) {
        return new ReversalView(r.id(), "/reversals/" + r.id(), r.projectId(), r.projectCode(), r.lossDate(),
                r.cause(), r.lossCredits(), r.bufferCancelled(), r.shortfall(), r.madeGoodCredits(), !r.madeGood(),
                r.madeGoodAt(), r.recordedAt());
    }
}
