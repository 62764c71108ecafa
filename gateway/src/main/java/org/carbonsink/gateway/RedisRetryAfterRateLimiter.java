package org.carbonsink.gateway;

import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import reactor.core.publisher.Mono;

/**
 * Spring Cloud Gateway's Redis token bucket, shared by every gateway instance, with a
 * {@code Retry-After} on refusals: the time one request's tokens take to come back.
 */
class RedisRetryAfterRateLimiter extends RedisRateLimiter {

    private final long refillNanos;

    RedisRetryAfterRateLimiter(RateLimitProperties limits) {
        super(limits.getReplenishRate(), limits.getBurstCapacity(), limits.getRequestedTokens());
        this.refillNanos = limits.getRequestedTokens() * TokenBucket.NANOS_PER_SECOND / limits.getReplenishRate();
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String id) {
        return super.isAllowed(routeId, id)
                .map(response -> response.isAllowed() ? response : RetryAfter.refused(response.getHeaders(), refillNanos));
    }
}
