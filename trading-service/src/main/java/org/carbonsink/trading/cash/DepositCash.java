package org.carbonsink.trading.cash;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * {@code amount} CNY paid into the participant's account by {@code source}: {@code actorId} is the
 * operator or participant who asked, {@code reference} the bank's transfer id (bank deposits only).
 */
public record DepositCash(UUID participantId, BigDecimal amount, CashSource source, UUID actorId, String reference) {
}
