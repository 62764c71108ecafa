package org.carbonsink.trading.cash;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A participant's cash; {@code reserved} is promised to open buy orders and to trades awaiting delivery. */
public record CashAccount(UUID participantId, String currency, BigDecimal balance, BigDecimal reserved,
        Instant openedAt) {

    public static final String CNY = "CNY";

    public BigDecimal available() {
        return balance.subtract(reserved);
    }
}
