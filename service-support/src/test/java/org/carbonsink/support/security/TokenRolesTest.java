package org.carbonsink.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenRolesTest {

    @Test
    void aListOfRolesIsTakenAsItIs() {
        assertThat(TokenRoles.of(token(List.of("TRADER", "EXCHANGE_OPERATOR")))).containsExactly("TRADER",
                "EXCHANGE_OPERATOR");
    }

    @Test
    void answersAsTheClaimsOwnConversionDoesForAnyValue() {
        for (Object roles : Arrays.asList(List.of("TRADER"), List.of(), Arrays.asList("TRADER", null, 7), "TRADER",
                Set.of("TRADER"), 7)) {
            Jwt jwt = token(roles);
            assertThat(TokenRoles.of(jwt)).as("%s", roles).isEqualTo(jwt.getClaimAsStringList("roles"));
        }
    }

    @Test
    void aTokenWithoutRolesHasNone() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("s").issuedAt(Instant.EPOCH).build();

        assertThat(TokenRoles.of(jwt)).isNull();
    }

    private static Jwt token(Object roles) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("s").claim("roles", roles).build();
    }
}
