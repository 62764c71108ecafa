package org.carbonsink.gateway;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * The gateway's decoder, remembering the tokens it has verified until they expire (as the services'
 * {@code VerifiedTokens} does). Besides the signature check and the parsing, a token it knows saves the
 * hop to another thread that the key lookup takes: the request stays on its event loop. Only accepted
 * tokens are remembered, each until its expiry; when full it starts again empty.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

    static final int CAPACITY = 4_096;

    private final ReactiveJwtDecoder decoder;
    private final Clock clock;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    VerifiedTokens(ReactiveJwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.get(token);
        if (known != null && clock.instant().isBefore(known.getExpiresAt())) {
            return Mono.just(known);
        }
        return decoder.decode(token).doOnNext(jwt -> {
            if (jwt.getExpiresAt() != null) {
                if (verified.size() >= CAPACITY) {
                    verified.clear();
                }
                verified.put(token, jwt);
            }
        });
    }
}
