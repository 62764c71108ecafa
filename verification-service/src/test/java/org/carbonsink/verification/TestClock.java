package org.carbonsink.verification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock the integration tests set and move, in China's time zone like the service's own. */
public final class TestClock extends Clock {

    /** 2026-01-01 00:00 in Shanghai: a claim may start on 2021-01-01, five years before. */
    public static final Instant START = Instant.parse("2025-12-31T16:00:00Z");
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private volatile Instant now = START;

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return CHINA;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
