package org.carbonsink.registry.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A recorded loss of a project's stored carbon: {@code bufferCancelled} buffer credits were
 * cancelled for it (the rest, {@link #shortfall()}, the pool could not cover). The project's
 * issuance stays blocked until {@code madeGoodCredits} reaches {@code lossCredits}. {@code reportId}
 * names the verified monitoring report whose negative net the loss is (a monitored loss, recorded by
 * no one: {@code recordedBy} is null); null for a loss the administrator recorded.
 */
public record Reversal(UUID id, UUID projectId, String projectCode, LocalDate lossDate, String cause,
        long lossCredits, long bufferCancelled, long madeGoodCredits, Instant madeGoodAt, UUID recordedBy,
        Instant recordedAt, UUID reportId) {

    public long shortfall() {
        return lossCredits - bufferCancelled;
    }

    public boolean madeGood() {
        return madeGoodAt != null;
    }
}
