package org.carbonsink.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.concurrent.DefaultEventExecutor;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.carbonsink.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

class SecurityConfigurationTest {

    /**
     * The key lookup blocks on another thread; the request must go on on the event loop of its
     * connection, or its response completes off that loop and Reactor Netty may stop reading the
     * connection's next keep-alive request (GatewaySecurityTest hung 30 s on one).
     */
    @Test
    void aTokenWhoseKeyIsLookedUpIsAcceptedOnTheEventLoopThatAskedForIt() throws Exception {
        ReactiveJwtDecoder decoder = new SecurityConfiguration()
                .jwtDecoder(new SecurityProperties(TestTokens.jwksUri(), TestTokens.ISSUER, TestTokens.AUDIENCE));
        DefaultEventExecutor loop = new DefaultEventExecutor();
        try {
            Thread loopThread = loop.submit(Thread::currentThread).get(10, TimeUnit.SECONDS);
            CompletableFuture<Thread> acceptedOn = new CompletableFuture<>();
            CompletableFuture<Jwt> accepted = new CompletableFuture<>();

            loop.execute(() -> decoder.decode(TestTokens.forParticipant(UUID.randomUUID(), "TRADER")).subscribe(jwt -> {
                acceptedOn.complete(Thread.currentThread());
                accepted.complete(jwt);
            }, accepted::completeExceptionally));

            assertThat(accepted.get(10, TimeUnit.SECONDS).getClaimAsStringList("roles")).containsExactly("TRADER");
            assertThat(acceptedOn.get()).isSameAs(loopThread);
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    /**
     * The first token after a start makes the gateway fetch the key set; on a busy machine that took
     * longer than Nimbus's default 500 ms, and a valid token was refused (GatewayRateLimitTest got a 401).
     */
    @Test
    void acceptsATokenWhileTheKeySetIsSlowToAnswer() {
        ReactiveJwtDecoder decoder = new SecurityConfiguration().jwtDecoder(
                new SecurityProperties(TestTokens.slowJwksUri(), TestTokens.ISSUER, TestTokens.AUDIENCE));

        Jwt jwt = decoder.decode(TestTokens.forParticipant(UUID.randomUUID(), "TRADER")).block(Duration.ofSeconds(20));

        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("TRADER");
    }
}
