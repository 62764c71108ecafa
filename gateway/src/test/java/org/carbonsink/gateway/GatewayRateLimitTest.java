package org.carbonsink.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.InstantSource;
import java.util.UUID;
import java.util.stream.IntStream;
import org.carbonsink.testsupport.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The in-memory token bucket per principal, with a small bucket (1 token a second, 3 saved up) and
 * time standing still, so that no bucket refills while a test runs however slow the machine is.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + GatewayApplication.CONFIG_NAME,
        "carbonsink.rate-limit.replenish-rate=1", "carbonsink.rate-limit.burst-capacity=3" })
class GatewayRateLimitTest {

    static final StubServices services = new StubServices();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        services.register(registry);
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    @TestConfiguration
    static class FrozenTime {

        @Bean
        InstantSource frozenTime() {
            return InstantSource.fixed(Instant.parse("2030-01-01T00:00:00Z"));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier(RateLimitConfiguration.LIMITER)
    RateLimiter<?> limiter;

    @Test
    void usesTheInMemoryLimiterWhenRedisIsNotConfigured() {
        assertThat(limiter).isInstanceOf(InMemoryRateLimiter.class);
    }

    @Test
    void refusesAPrincipalOverItsBucketWhileAnotherGoesOn() {
        ApiClient a = gateway().as(UUID.randomUUID());
        ApiClient b = gateway().as(UUID.randomUUID());
        IntStream.range(0, 3).forEach(i -> a.get("/api/registry/accounts/mine").expect(200));

        ApiClient.Response fourth = a.get("/api/registry/accounts/mine?fourth");

        assertThat(fourth.status()).isEqualTo(429);
        assertThat(Integer.parseInt(fourth.header("Retry-After"))).isGreaterThanOrEqualTo(1);
        assertThat(fourth.header("X-Correlation-Id")).isNotBlank();
        assertThat(services.receivedAt("/accounts/mine?fourth")).isEmpty();
        IntStream.range(0, 3).forEach(i -> b.get("/api/registry/accounts/mine").expect(200));
    }

    @Test
    void limitsAnonymousCallersByAddress() {
        IntStream.range(0, 3).forEach(i -> gateway().get("/api/verification/species").expect(200));

        ApiClient.Response fourth = gateway().get("/api/verification/species");

        assertThat(fourth.status()).isEqualTo(429);
        assertThat(Integer.parseInt(fourth.header("Retry-After"))).isGreaterThanOrEqualTo(1);
        gateway().as(UUID.randomUUID()).get("/api/verification/species").expect(200);
    }

    private ApiClient gateway() {
        return new ApiClient("http://127.0.0.1:" + port);
    }
}
