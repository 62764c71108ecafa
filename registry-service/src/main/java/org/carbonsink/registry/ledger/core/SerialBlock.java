package org.carbonsink.registry.ledger.core;

import java.util.UUID;

/**
 * A contiguous run of serials of one issuance, held in one account in one state (and, when held,
 * pledged, retired or cancelled, for one hold, pledge, retirement or cancellation). Blocks are split and merged by
 * {@link BlockMove}; the database only stores its result.
 */
public record SerialBlock(long id, UUID issuanceId, UUID projectId, String projectCode, int vintage,
        long firstSerial, long lastSerial, Placement placement) {

    public SerialBlock {
        if (lastSerial < firstSerial) {
            throw new IllegalArgumentException("serial block ends before it starts: " + firstSerial + " to " + lastSerial);
        }
    }

    public enum State {
        AVAILABLE, HELD, PLEDGED, RETIRED, CANCELLED;

        /** Retired and cancelled serials never move again (invariant 3). */
        public boolean isFinal() {
            return this == RETIRED || this == CANCELLED;
        }
    }

    public long quantity() {
        return lastSerial - firstSerial + 1;
    }

    public SerialRange range() {
        return new SerialRange(projectCode, vintage, firstSerial, lastSerial);
    }

    public UUID accountId() {
        return placement.accountId();
    }

    public State state() {
        return placement.state();
    }

    public UUID holdId() {
        return placement.holdId();
    }

    public UUID retirementId() {
        return placement.retirementId();
    }

    public UUID cancellationId() {
        return placement.cancellationId();
    }

    public UUID pledgeId() {
        return placement.pledgeId();
    }

    /** A new, not yet stored block (id 0) of the same issuance. */
    SerialBlock part(long first, long last, Placement where) {
        return new SerialBlock(0, issuanceId, projectId, projectCode, vintage, first, last, where);
    }

    /** Whether {@code next} starts right after this block and may become one block with it. */
    boolean mergesWith(SerialBlock next) {
        return issuanceId.equals(next.issuanceId) && placement.equals(next.placement)
                && lastSerial + 1 == next.firstSerial;
    }
}
