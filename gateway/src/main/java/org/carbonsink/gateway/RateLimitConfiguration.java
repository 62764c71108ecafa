package org.carbonsink.gateway;

import java.net.InetSocketAddress;
import java.time.InstantSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Requests per principal (docs/identity.md): the default filter RequestRateLimiter (gateway.yml)
 * uses the beans {@value #LIMITER} and {@value #KEY_RESOLVER}. The limiter is Redis's when
 * {@code spring.data.redis.host} is set, an in-memory one otherwise. With Redis on the classpath
 * Spring Cloud Gateway makes a RedisRateLimiter of its own unless there is one already, so next to
 * the in-memory limiter there are two: ours is {@code @Primary}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    static final String LIMITER = "principalRateLimiter";
    static final String KEY_RESOLVER = "principalKeyResolver";
    private static final String REDIS_TEMPLATE = "org.springframework.data.redis.core.ReactiveStringRedisTemplate";

    /** The token's subject for authenticated requests, the client's address for anonymous ones. */
    @Bean(KEY_RESOLVER)
    KeyResolver principalKeyResolver() {
        return exchange -> exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> "subject:" + principal.getName())
                .switchIfEmpty(Mono.fromSupplier(() -> "address:" + clientAddress(exchange)));
    }

    @Bean(LIMITER)
    @Primary
    @Conditional(NoRedis.class)
    InMemoryRateLimiter inMemoryRateLimiter(RateLimitProperties limits, ConfigurationService configurationService,
            ObjectProvider<InstantSource> time) {
        return new InMemoryRateLimiter(limits, configurationService, time.getIfAvailable(InstantSource::system));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = REDIS_TEMPLATE)
    @ConditionalOnProperty("spring.data.redis.host")
    static class Redis {

        @Bean(LIMITER)
        @Primary
        RedisRetryAfterRateLimiter redisRateLimiter(RateLimitProperties limits) {
            return new RedisRetryAfterRateLimiter(limits);
        }
    }

    /** Redis is optional on the classpath (the local stack has none), and used only when configured. */
    static class NoRedis extends NoneNestedConditions {

        NoRedis() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnClass(name = REDIS_TEMPLATE)
        @ConditionalOnProperty("spring.data.redis.host")
        static class Configured {
        }
    }

    private static String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
