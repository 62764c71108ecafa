package org.carbonsink.trading.market;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One trading day (Asia/Shanghai) of book trades: open, high, low, close, volume in credits, turnover in CNY. */
public record DailyBar(LocalDate day, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close, long volume,
        BigDecimal turnover, int trades) {
}
