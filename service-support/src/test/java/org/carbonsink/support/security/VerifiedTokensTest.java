package org.carbonsink.support.security;

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
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokensTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    final List<String> checked = new ArrayList<>();
    final MovableClock clock = new MovableClock();
    boolean refuse;

    final JwtDecoder decoder = token -> {
        checked.add(token);
        if (refuse) {
            throw new BadJwtException("expired or forged");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("trader").issuedAt(NOW)
                .expiresAt(NOW.plus(Duration.ofMinutes(5))).build();
    };
    final VerifiedTokens tokens = new VerifiedTokens(decoder, clock);

    @Test
    void aTokenVerifiedOnceIsNotCheckedAgainBeforeItExpires() {
        Jwt first = tokens.decode("a.b.c");
        Jwt again = tokens.decode("a.b.c");

        assertThat(again).isSameAs(first);
        assertThat(checked).containsExactly("a.b.c");
    }

    @Test
    void anExpiredTokenIsCheckedAgainAndRefusedByTheDecoder() {
        tokens.decode("a.b.c");
        clock.now = NOW.plus(Duration.ofMinutes(5));
        refuse = true;

        assertThatThrownBy(() -> tokens.decode("a.b.c")).isInstanceOf(BadJwtException.class);
        assertThat(checked).containsExactly("a.b.c", "a.b.c");
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        refuse = true;
        assertThatThrownBy(() -> tokens.decode("x.y.z")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("x.y.z")).isInstanceOf(BadJwtException.class);

        assertThat(checked).containsExactly("x.y.z", "x.y.z");
    }

    @Test
    void whenFullItForgetsAndChecksAgain() {
        for (int i = 0; i <= VerifiedTokens.CAPACITY; i++) {
            tokens.decode("t" + i);
        }
        tokens.decode("t0");

        assertThat(checked).hasSize(VerifiedTokens.CAPACITY + 2);
    }

    static final class MovableClock extends Clock {
        Instant now = NOW;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
