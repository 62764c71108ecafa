package org.carbonsink.registry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.carbonsink.support.jdbc.DatabaseClock;

/**
 * The registry's clock in the integration tests: the service's own clock ({@link DatabaseClock}), plus
 * an offset a test may move forward (say, past a disclosure window) and must {@link #reset()}
 * afterwards ({@link RegistryIT} does).
 */
final class TestClock extends Clock {

    private static final Clock SERVICE_CLOCK = DatabaseClock.system(ZoneOffset.UTC);

    private final AtomicReference<Duration> offset;
    private final ZoneId zone;

    TestClock() {
        this(new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
    }

    private TestClock(AtomicReference<Duration> offset, ZoneId zone) {
        this.offset = offset;
        this.zone = zone;
    }

    void advance(Duration by) {
        offset.updateAndGet(current -> current.plus(by));
    }

    void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return SERVICE_CLOCK.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same clock, offset included, in another zone. */
    @Override
    public Clock withZone(ZoneId other) {
        return new TestClock(offset, other);
    }
}
