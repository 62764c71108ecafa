package org.carbonsink.trading.cash;

import java.math.BigDecimal;
import java.util.UUID;

/** An account reserving {@code reserved} CNY for orders, bids and trades that need {@code backed}. */
public record CashMismatch(UUID participantId, BigDecimal reserved, BigDecimal backed) {
}
