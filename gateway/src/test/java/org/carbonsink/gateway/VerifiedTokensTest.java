package org.carbonsink.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class VerifiedTokensTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    final List<String> checked = new ArrayList<>();

    /** Accepts "fresh" tokens for five minutes and "ending" ones until now; refuses anything else. */
    final ReactiveJwtDecoder decoder = token -> Mono.defer(() -> {
        checked.add(token);
        Duration left = switch (token) {
            case "fresh" -> Duration.ofMinutes(5);
            case "ending" -> Duration.ZERO;
            default -> null;
        };
        return left == null ? Mono.error(new BadJwtException("forged"))
                : Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("trader")
                        .issuedAt(NOW.minus(Duration.ofMinutes(5))).expiresAt(NOW.plus(left)).build());
    });
    final VerifiedTokens tokens = new VerifiedTokens(decoder, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aTokenIsCheckedOnceWhileItIsValid() {
        Jwt first = tokens.decode("fresh").block();

        assertThat(tokens.decode("fresh").block()).isSameAs(first);
        assertThat(checked).containsExactly("fresh");
    }

    @Test
    void anExpiredOrRefusedTokenIsCheckedEveryTime() {
        tokens.decode("ending").block();
        tokens.decode("ending").block();
        assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);

        assertThat(checked).containsExactly("ending", "ending", "forged", "forged");
    }
}
