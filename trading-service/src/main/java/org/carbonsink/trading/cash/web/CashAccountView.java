package org.carbonsink.trading.cash.web;

import java.math.BigDecimal;
import java.util.UUID;
import org.carbonsink.trading.cash.CashAccount;

public record CashAccountView(UUID participantId, String currency, BigDecimal balance, BigDecimal reserved,
        BigDecimal available) {

    static CashAccountView of(CashAccount account) {
        return new CashAccountView(account.participantId(), account.currency(), account.balance(), account.reserved(),
                account.available());
    }
}
