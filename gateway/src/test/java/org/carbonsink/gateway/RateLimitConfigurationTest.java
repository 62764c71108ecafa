package org.carbonsink.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.cloud.gateway.support.ConfigurationService;

/** Which limiter the gateway takes (with Redis configured: see GatewayRedisRateLimitTest). */
class RateLimitConfigurationTest {

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
            .withUserConfiguration(RateLimitConfiguration.class)
            .withBean(ConfigurationService.class, () -> mock(ConfigurationService.class));

    @Test
    void keepsBucketsInMemoryWithoutRedisConfigured() {
        runner.run(context -> assertThat(context).getBean(RateLimitConfiguration.LIMITER)
                .isInstanceOf(InMemoryRateLimiter.class));
    }

    @Test
    void keepsBucketsInMemoryWhenRedisIsConfiguredButNotOnTheClasspath() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
                .withPropertyValues("spring.data.redis.host=redis.example")
                .run(context -> assertThat(context).getBean(RateLimitConfiguration.LIMITER)
                        .isInstanceOf(InMemoryRateLimiter.class));
    }

    @Test
    void takesItsRatesFromConfiguration() {
        runner.withPropertyValues("carbonsink.rate-limit.replenish-rate=5", "carbonsink.rate-limit.burst-capacity=7")
                .run(context -> assertThat(context.getBean(RateLimitProperties.class))
                        .extracting(RateLimitProperties::getReplenishRate, RateLimitProperties::getBurstCapacity,
                                RateLimitProperties::getRequestedTokens)
                        .containsExactly(5, 7L, 1));
    }
}
