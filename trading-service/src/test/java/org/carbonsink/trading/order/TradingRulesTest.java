package org.carbonsink.trading.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TradingRulesTest {

    private final TradingRules rules = new TradingRules(new BigDecimal("1.00"), 1000, LocalTime.of(15, 0),
            ZoneId.of("Asia/Shanghai"), List.of("TRADER"), 2000, Duration.ofSeconds(1), Duration.ZERO);

    @Test
    void theLastSessionCloseIsTodaysOnceItHasPassedInTheSessionsZone() {
        // 15:00 in Shanghai is 07:00 UTC
        assertThat(rules.lastSessionClose(Instant.parse("2026-12-01T07:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-01T07:00:00Z"));
        assertThat(rules.lastSessionClose(Instant.parse("2026-12-01T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-01T07:00:00Z"));
    }

    @Test
    void beforeTodaysCloseTheLastSessionCloseIsYesterdays() {
        assertThat(rules.lastSessionClose(Instant.parse("2026-12-01T06:59:59Z")))
                .isEqualTo(Instant.parse("2026-11-30T07:00:00Z"));
        // 23:30 UTC is already the next day in Shanghai, before its close
        assertThat(rules.lastSessionClose(Instant.parse("2026-12-01T23:30:00Z")))
                .isEqualTo(Instant.parse("2026-12-01T07:00:00Z"));
    }
}
