package org.carbonsink.trading.cash;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One deposit or withdrawal as booked. */
public record CashMovement(UUID id, UUID participantId, Kind kind, BigDecimal amount, CashSource source,
        String reference, UUID actorId, Instant bookedAt) {

    public enum Kind {
        DEPOSIT, WITHDRAWAL
    }
}
