package org.carbonsink.support.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The services' clock, ticking in microseconds, the precision of PostgreSQL's {@code timestamptz}.
 * With the system clock's nanoseconds, a command answered an instant (say {@code createdAt}
 * 04:50:39.669579610Z) that the database stored rounded (04:50:39.669580Z), so the same resource read
 * back a moment later showed another time than the answer that created it.
 */
public final class DatabaseClock {

    static final Duration TICK = Duration.ofNanos(1_000);

    private DatabaseClock() {
    }

    /** The system clock in {@code zone}, in whole microseconds. */
    public static Clock system(ZoneId zone) {
        return Clock.tick(Clock.system(zone), TICK);
    }
}
