package org.carbonsink.registry.ledger;

import java.util.UUID;

/**
 * A contiguous run of serials held in one account in one state. Moving part of a block splits
 * it: the moved part keeps the low serials, the rest stays where it was.
 */
public record SerialBlock(long id, UUID issuanceId, UUID projectId, String projectCode, int vintage,
        long firstSerial, long lastSerial, UUID accountId, State state, UUID holdId, UUID retirementId) {

    public enum State {
        AVAILABLE, HELD, RETIRED, CANCELLED
    }

    public long quantity() {
        return lastSerial - firstSerial + 1;
    }

    public SerialRange range() {
        return new SerialRange(projectCode, vintage, firstSerial, lastSerial);
    }
}
