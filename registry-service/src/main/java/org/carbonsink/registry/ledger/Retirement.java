package org.carbonsink.registry.ledger;

import org.carbonsink.registry.ledger.core.SerialRange;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Credits retired (注销) for a named beneficiary and purpose, with the holder's free text
 * ({@code note}); their serials never move again. {@code serials} lists at most the first
 * {@link #SERIALS_SHOWN} ranges.
 */
public record Retirement(UUID id, UUID accountId, UUID holderId, UUID projectId, String projectCode, int vintage,
        long quantity, String beneficiary, RetirementPurpose purpose, String note, Instant retiredAt,
        List<SerialRange> serials) {

    public static final int SERIALS_SHOWN = 100;

    /** The serial ranges in their display form, for features that may not read {@code core} values. */
    public List<String> serialNumbers() {
        return serials.stream().map(SerialRange::serial).toList();
    }
}
