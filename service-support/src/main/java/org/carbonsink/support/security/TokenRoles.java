package org.carbonsink.support.security;

import java.util.List;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A token's {@code roles} claim, read on every request with a token (its authorities, then its caller).
 * {@code jwt.getClaimAsStringList("roles")} runs Spring's conversion service even over a list that holds
 * strings only, as the authorization server's tokens do; its type descriptors and copy were a cost each
 * command paid (docs/benchmarks.md, "Single orders"). Such a list is taken as it is; any other value still
 * goes through the conversion, so the answer is the same.
 */
public final class TokenRoles {

    static final String CLAIM = "roles";

    private TokenRoles() {
    }

    /** The roles, or null for a token without the claim. */
    public static List<String> of(Jwt jwt) {
        Object roles = jwt.getClaims().get(CLAIM);
        if (roles instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            @SuppressWarnings("unchecked")
            List<String> strings = (List<String>) list;
            return strings;
        }
        return jwt.getClaimAsStringList(CLAIM);
    }
}
