package org.carbonsink.trading.cash.web;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;

/** An amount in CNY, in yuan with at most two decimals (fen). */
public record WithdrawalRequest(@NotNull @Positive @Digits(integer = 15, fraction = 2) BigDecimal amount) {
}
