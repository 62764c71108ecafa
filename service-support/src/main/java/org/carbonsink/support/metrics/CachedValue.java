package org.carbonsink.support.metrics;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value read from the database for gauges and counters, read again at most once per
 * {@code maxAge}: several meters share one query, and a scrape every few seconds does not become a
 * count over a large table every few seconds. While the database cannot answer, the last value
 * stands (or {@code unknown} before the first answer): a failing meter would fail the whole scrape,
 * and the service's other metrics matter most just then.
 */
public final class CachedValue<T> implements Supplier<T> {

    private static final Logger log = LoggerFactory.getLogger(CachedValue.class);

    private final Supplier<T> source;
    private final long maxAgeNanos;
    private T value;
    private long readAt;

    public CachedValue(Supplier<T> source, Duration maxAge, T unknown) {
        this.source = source;
        this.maxAgeNanos = maxAge.toNanos();
        this.value = unknown;
        this.readAt = System.nanoTime() - maxAgeNanos;
    }

    @Override
    public synchronized T get() {
        long now = System.nanoTime();
        if (now - readAt >= maxAgeNanos) {
            readAt = now;
            try {
                value = source.get();
            } catch (RuntimeException e) {
                log.warn("metrics keep their last value: {}", e.toString());
            }
        }
        return value;
    }
}
