package org.carbonsink.support.security;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * A token decoder that remembers the tokens it has verified until they expire. A client sends the same
 * token with every request for its lifetime; checking its signature and parsing its claims again each
 * time was a measurable share of an order's cost (docs/benchmarks.md). Only tokens the wrapped decoder
 * accepted (signature, issuer, audience, expiry) are remembered, and one is forgotten at its expiry, so
 * what is accepted is exactly what the decoder would accept, minus its clock skew after expiry.
 * Bounded: when full, it starts again empty.
 */
public final class VerifiedTokens implements JwtDecoder {

    static final int CAPACITY = 4_096;

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    public VerifiedTokens(JwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = verified.get(token);
        if (known != null && clock.instant().isBefore(known.getExpiresAt())) {
            return known;
        }
        Jwt jwt = decoder.decode(token);
        if (jwt.getExpiresAt() != null) {
            if (verified.size() >= CAPACITY) {
                verified.clear();
            }
            verified.put(token, jwt);
        }
        return jwt;
    }
}
