package org.carbonsink.trading.cash;

import java.math.BigDecimal;
import java.util.UUID;

/** {@code amount} CNY paid into the participant's account. */
public record DepositCash(UUID participantId, BigDecimal amount) {
}
