package org.carbonsink.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The token bucket of each principal: {@code replenishRate} tokens a second, at most
 * {@code burstCapacity} saved up, {@code requestedTokens} taken by a request. A JavaBean because
 * the in-memory limiter also binds per-route overrides into it, as gateway rate limiters do.
 */
@ConfigurationProperties("carbonsink.rate-limit")
public class RateLimitProperties {

    private int replenishRate = 20;
    private long burstCapacity = 40;
    private int requestedTokens = 1;

    public int getReplenishRate() {
        return replenishRate;
    }

    public void setReplenishRate(int replenishRate) {
        this.replenishRate = replenishRate;
    }

    public long getBurstCapacity() {
        return burstCapacity;
    }

    public void setBurstCapacity(long burstCapacity) {
        this.burstCapacity = burstCapacity;
    }

    public int getRequestedTokens() {
        return requestedTokens;
    }

    public void setRequestedTokens(int requestedTokens) {
        this.requestedTokens = requestedTokens;
    }

    @Override
    public String toString() {
        return "replenishRate=" + replenishRate + ", burstCapacity=" + burstCapacity + ", requestedTokens="
                + requestedTokens;
    }
}
