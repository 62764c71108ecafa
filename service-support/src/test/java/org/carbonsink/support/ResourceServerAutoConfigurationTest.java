package org.carbonsink.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.carbonsink.support.security.SecurityProperties;
import org.carbonsink.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class ResourceServerAutoConfigurationTest {

    /**
     * The first token after a start makes the service fetch the key set; on a busy machine that took
     * longer than Nimbus's default 500 ms, and the request failed (a 500 in ApiDescriptionIT).
     */
    @Test
    void acceptsATokenWhileTheKeySetIsSlowToAnswer() {
        JwtDecoder decoder = new ResourceServerAutoConfiguration().jwtDecoder(new SecurityProperties(TestTokens.ISSUER,
                TestTokens.slowJwksUri(), TestTokens.AUDIENCE, List.of(), List.of(), List.of()));

        assertThat(decoder.decode(TestTokens.forParticipant(UUID.randomUUID(), "TRADER")).getClaimAsStringList("roles"))
                .containsExactly("TRADER");
    }
}
