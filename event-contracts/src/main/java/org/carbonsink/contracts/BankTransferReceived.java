package org.carbonsink.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The bank received {@code amount} (in {@code currency}, CNY only) from the participant for its
 * exchange cash account. {@code transferId} is the bank's own id: a transfer reported twice is
 * booked once. Sent by the bank adapter (simulated in this project).
 */
public record BankTransferReceived(
        UUID eventId,
        Instant occurredAt,
        String transferId,
        UUID participantId,
        BigDecimal amount,
        String currency) {
}
