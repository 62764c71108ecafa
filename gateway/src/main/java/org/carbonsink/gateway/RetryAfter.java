package org.carbonsink.gateway;

import java.util.HashMap;
import java.util.Map;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;

/**
 * The {@code Retry-After} header of a refused request. RequestRateLimiter copies a limiter's
 * response headers onto the 429, so each limiter puts it among its own.
 */
final class RetryAfter {

    static final String HEADER = "Retry-After";

    private RetryAfter() {
    }

    /** Whole seconds, rounded up, at least 1: a client that waits that long finds a token. */
    static String seconds(long waitNanos) {
        long seconds = (waitNanos + TokenBucket.NANOS_PER_SECOND - 1) / TokenBucket.NANOS_PER_SECOND;
        return Long.toString(Math.max(1, seconds));
    }

    static RateLimiter.Response refused(Map<String, String> headers, long waitNanos) {
        Map<String, String> withRetryAfter = new HashMap<>(headers);
        withRetryAfter.put(HEADER, seconds(waitNanos));
        return new RateLimiter.Response(false, withRetryAfter);
    }
}
