package org.carbonsink.support.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * The bearer token of a request's {@code Authorization} header, taken as {@link DefaultBearerTokenResolver}
 * takes it with its defaults (the header only; no {@code access_token} parameter): no header, or one that
 * does not start with {@code bearer}, is no token; {@code Bearer } (any case) followed by RFC 6750's
 * token68 characters and trailing {@code =} is the token; anything else is refused as malformed. It checks
 * the characters by hand: the default's regular expression over a token of some 850 characters was one of
 * the costs a command pays and a public GET does not (docs/benchmarks.md, "Single orders").
 * {@code BearerTokenHeaderTest} holds the two to the same answers.
 */
public final class BearerTokenHeader implements BearerTokenResolver {

    private static final String SCHEME = "bearer ";

    @Override
    public String resolve(HttpServletRequest request) {
        return token(request.getHeader(HttpHeaders.AUTHORIZATION));
    }

    /** The token of an {@code Authorization} header value; null for none; refused when malformed. */
    public static String token(String header) {
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length() - 1)) {
            return null;
        }
        int end = header.length();
        int i = SCHEME.length();
        // the default's pattern ignores ASCII case; no other character folds to one of "bearer"
        boolean scheme = header.regionMatches(true, 0, SCHEME, 0, i);
        int start = i;
        while (i < end && isToken68(header.charAt(i))) {
            i++;
        }
        boolean characters = i > start;
        while (i < end && header.charAt(i) == '=') {
            i++;
        }
        if (!scheme || !characters || i != end) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
        }
        return header.substring(start);
    }

    private static boolean isToken68(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
