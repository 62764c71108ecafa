package org.carbonsink.gateway;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The bearer token of the {@code Authorization} header, taken as {@link ServerBearerTokenAuthenticationConverter}
 * takes it with its defaults (the header only): no header, or one that does not start with {@code bearer},
 * is no token; {@code Bearer } (any case) followed by RFC 6750's token68 characters and trailing {@code =}
 * is the token; anything else is refused as malformed. By hand rather than by the default's regular
 * expression and its merge of three sources: both were costs a command paid and a public GET did not
 * (docs/benchmarks.md, "Single orders"). The services take the token the same way (service-support's
 * {@code BearerTokenHeader}); {@code BearerTokenConverterTest} holds this one to the default's answers.
 */
final class BearerTokenConverter implements ServerAuthenticationConverter {

    private static final String SCHEME = "bearer ";

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        return Mono.defer(() -> {
            String token = token(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
            return token == null ? Mono.empty() : Mono.just(new BearerTokenAuthenticationToken(token));
        });
    }

    static String token(String header) {
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length() - 1)) {
            return null;
        }
        int start = SCHEME.length();
        // the default's pattern ignores ASCII case; no other character folds to one of "bearer"
        boolean scheme = header.regionMatches(true, 0, SCHEME, 0, start);
        int end = start;
        while (end < header.length() && "-._~+/".indexOf(header.charAt(end)) >= 0 || end < header.length()
                && Character.isLetterOrDigit(header.charAt(end)) && header.charAt(end) < 0x80) {
            end++;
        }
        int padded = end;
        while (padded < header.length() && header.charAt(padded) == '=') {
            padded++;
        }
        if (!scheme || end == start || padded != header.length()) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
        }
        return header.substring(start);
    }
}
