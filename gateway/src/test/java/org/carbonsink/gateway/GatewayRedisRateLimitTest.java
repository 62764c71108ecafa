package org.carbonsink.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doReturn;

import java.util.List;
import java.util.UUID;
import org.carbonsink.testsupport.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import reactor.core.publisher.Flux;

/**
 * With {@code spring.data.redis.host} set the gateway uses Spring Cloud Gateway's Redis limiter.
 * No Redis server runs here: the template that would run its script answers "refused" instead.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + GatewayApplication.CONFIG_NAME,
        "spring.data.redis.host=127.0.0.1", "spring.data.redis.port=1" })
class GatewayRedisRateLimitTest {

    static final StubServices services = new StubServices();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        services.register(registry);
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    @MockitoBean
    ReactiveStringRedisTemplate redis;

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier(RateLimitConfiguration.LIMITER)
    RateLimiter<?> limiter;

    @Test
    void usesTheRedisLimiterAndSaysWhenToRetry() {
        // the rate limiter script's answer: [allowed 0/1, tokens left]
        doReturn(Flux.just(List.of(0L, 0L))).when(redis).execute(any(), anyList(), anyList());

        ApiClient.Response refused = new ApiClient("http://127.0.0.1:" + port).as(UUID.randomUUID())
                .get("/api/trading/orders?refused");

        assertThat(limiter).isInstanceOf(RedisRetryAfterRateLimiter.class);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.header("X-RateLimit-Burst-Capacity")).isEqualTo("40");
        assertThat(services.receivedAt("/orders?refused")).isEmpty();
    }

    @Test
    void staysHealthyWithRedisUnreachable() {
        assertThat(new ApiClient("http://127.0.0.1:" + port).get("/readyz").expect(200)
                .get("status").asString()).isEqualTo("UP");
    }
}
