package org.carbonsink.gateway;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.cloud.gateway.filter.ratelimit.AbstractRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import reactor.core.publisher.Mono;

/**
 * Token buckets in this gateway's memory, one per route and key, for a gateway without Redis: a
 * single instance, whose buckets start full again after a restart.
 */
class InMemoryRateLimiter extends AbstractRateLimiter<RateLimitProperties> {

    static final String CONFIGURATION_PROPERTY_NAME = "in-memory-rate-limiter";
    private static final long SWEEP_INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();

    private final RateLimitProperties defaults;
    private final InstantSource time;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep;

    InMemoryRateLimiter(RateLimitProperties defaults, ConfigurationService configurationService, InstantSource time) {
        super(RateLimitProperties.class, CONFIGURATION_PROPERTY_NAME, configurationService);
        TokenBucket.check(defaults.getBurstCapacity(), defaults.getReplenishRate(), defaults.getRequestedTokens());
        this.defaults = defaults;
        this.time = time;
        this.nextSweep = new AtomicLong(now() + SWEEP_INTERVAL_NANOS);
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String id) {
        RateLimitProperties limits = getConfig().getOrDefault(routeId, defaults);
        long now = now();
        forgetFullBuckets(now);
        TokenBucket bucket = buckets.computeIfAbsent(routeId + " " + id,
                key -> new TokenBucket(limits.getBurstCapacity(), limits.getReplenishRate(), now));
        long wait = bucket.take(limits.getRequestedTokens(), now);
        return Mono.just(wait == 0 ? new Response(true, Map.of()) : RetryAfter.refused(Map.of(), wait));
    }

    /**
     * Keeps memory to the keys seen lately. A request that got hold of a bucket just before it was
     * forgotten may take one token that is not counted: harmless for a limit of this kind.
     */
    private void forgetFullBuckets(long now) {
        long due = nextSweep.get();
        if (now - due >= 0 && nextSweep.compareAndSet(due, now + SWEEP_INTERVAL_NANOS)) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
    }

    private long now() {
        Instant instant = time.instant();
        return instant.getEpochSecond() * TokenBucket.NANOS_PER_SECOND + instant.getNano();
    }
}
