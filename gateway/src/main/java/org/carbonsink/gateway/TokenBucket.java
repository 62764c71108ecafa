package org.carbonsink.gateway;

/**
 * One token bucket, in whole tokens and nanoseconds: it starts full, earns a token every
 * {@code 1/replenishRate} seconds up to its capacity, and a request takes tokens from it.
 */
final class TokenBucket {

    static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long capacity;
    private final long nanosPerToken;
    private long tokens;
    private long refilledAt;

    TokenBucket(long capacity, int replenishRate, long now) {
        check(capacity, replenishRate, 1);
        this.capacity = capacity;
        this.nanosPerToken = NANOS_PER_SECOND / replenishRate;
        this.tokens = capacity;
        this.refilledAt = now;
    }

    /** Takes the tokens if there are enough and answers 0; otherwise answers how many nanoseconds until there are. */
    synchronized long take(long requested, long now) {
        if (requested < 1 || requested > capacity) {
            throw new IllegalArgumentException("a request takes 1 to " + capacity + " tokens, not " + requested);
        }
        refill(now);
        if (tokens >= requested) {
            tokens -= requested;
            return 0;
        }
        return (requested - tokens) * nanosPerToken - (now - refilledAt);
    }

    /** Fails unless a bucket of this size and rate can ever give a request that many tokens. */
    static void check(long capacity, int replenishRate, long requested) {
        if (replenishRate < 1 || replenishRate > NANOS_PER_SECOND || requested < 1 || requested > capacity) {
            throw new IllegalArgumentException("a bucket earns 1 to 10^9 tokens a second and a request takes at least"
                    + " 1 token and no more than the bucket holds: " + capacity + " tokens, " + replenishRate
                    + " a second, " + requested + " a request");
        }
    }

    /** A full bucket is the same as no bucket at all. */
    synchronized boolean isFull(long now) {
        refill(now);
        return tokens == capacity;
    }

    private void refill(long now) {
        long earned = (now - refilledAt) / nanosPerToken;
        if (earned <= 0) {
            return;
        }
        if (earned >= capacity - tokens) {
            tokens = capacity;
            refilledAt = now;
        } else {
            tokens += earned;
            // keep the fraction of a token earned so far
            refilledAt += earned * nanosPerToken;
        }
    }
}
