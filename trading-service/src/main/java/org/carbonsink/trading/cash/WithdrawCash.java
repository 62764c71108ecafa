package org.carbonsink.trading.cash;

import java.math.BigDecimal;
import java.util.UUID;

/** The exchange operator {@code actorId} pays {@code amount} CNY out of the participant's account to its bank. */
public record WithdrawCash(UUID participantId, BigDecimal amount, UUID actorId) {
}
