package org.carbonsink.trading.order;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The exchange's rules that are configuration, not data (docs/exchange-engine.md): the smallest order
 * value, the cap on one participant's open orders in one instrument's book, the session close at which
 * DAY orders expire, and the registry roles that may trade.
 *
 * @param minimumOrderValue        a limit order's quantity × price must reach it (CNY)
 * @param maxOpenOrdersPerInstrument how many orders one participant may have resting in one book
 * @param sessionClose             local time of the daily close; DAY orders expire then
 * @param sessionZone              the zone of {@code sessionClose}
 * @param tradingRoles             registry roles that may place orders
 * @param maxBatch                 the most commands one group commit takes
 * @param expiryCheck              how often each writer looks whether a session close has passed
 * @param groupCommitDelay         how long a writer whose last group commit took more than one command waits for
 *                                 more before it writes the next (PostgreSQL's {@code commit_delay}, for the same
 *                                 reason: a commit's fixed cost shared by more commands); zero never waits
 */
@ConfigurationProperties("carbonsink.trading")
public record TradingRules(
        @DefaultValue("1.00") BigDecimal minimumOrderValue,
        @DefaultValue("1000") int maxOpenOrdersPerInstrument,
        @DefaultValue("15:00") LocalTime sessionClose,
        @DefaultValue("Asia/Shanghai") ZoneId sessionZone,
        @DefaultValue({ "TRADER", "PROJECT_OWNER" }) List<String> tradingRoles,
        @DefaultValue("2000") int maxBatch,
        @DefaultValue("1s") Duration expiryCheck,
        @DefaultValue("1ms") Duration groupCommitDelay) {

    /** The latest session close at or before {@code now}: DAY orders placed before it have expired. */
    public Instant lastSessionClose(Instant now) {
        ZonedDateTime local = now.atZone(sessionZone);
        ZonedDateTime close = local.with(sessionClose);
        if (close.isAfter(local)) {
            close = close.minusDays(1);
        }
        return close.toInstant();
    }
}
