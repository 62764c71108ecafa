package org.carbonsink.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

class BearerTokenHeaderTest {

    static final String JWT = "eyJraWQiOiJrMSIsImFsZyI6IlJTMjU2In0.eyJzdWIiOiJ0cmFkZXIifQ.c2lnbmF0dXJl-_";

    final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();
    final BearerTokenHeader ours = new BearerTokenHeader();

    @Test
    void takesTheTokenOfABearerHeader() {
        assertThat(ours.resolve(request("Bearer " + JWT))).isEqualTo(JWT);
        assertThat(ours.resolve(request("bEARER abc+/=="))).isEqualTo("abc+/==");
    }

    @Test
    void noHeaderOrAnotherSchemeIsNoToken() {
        assertThat(ours.resolve(new MockHttpServletRequest())).isNull();
        assertThat(ours.resolve(request("Basic dHJhZGVyOnNlY3JldA=="))).isNull();
        assertThat(ours.resolve(request("Bear abc"))).isNull();
    }

    @Test
    void aMalformedBearerHeaderIsRefusedAsAnInvalidToken() {
        for (String header : List.of("Bearer", "Bearer ", "Bearer  abc", "Bearer a b", "Bearer =abc", "Bearer abc=d",
                "Bearer abc\n", "Bearer\tabc", "Bearerabc", "Bearer ab\u00e9c")) {
            assertThatThrownBy(() -> ours.resolve(request(header))).as(header)
                    .isInstanceOfSatisfying(OAuth2AuthenticationException.class, e -> {
                        assertThat(e.getError().getErrorCode()).isEqualTo("invalid_token");
                        assertThat(e.getError().getDescription()).isEqualTo("Bearer token is malformed");
                    });
        }
    }

    /** Spring Security's resolver, with its defaults, is what this one replaces: the same answer for any header. */
    @Test
    void answersAsSpringSecuritysDefaultResolverDoes() {
        List<String> headers = new ArrayList<>(List.of("Bearer " + JWT, "bearer x", "BEARER x=", "Bearer", "Bearer ",
                "Bearer x y", "Bearer x\n", "Bearer x=\n", "Token x", "", " Bearer x", "Bearer x ", "Bearer \u212a",
                "Bearer x==="));
        Random random = new Random(8);
        String alphabet = "aZ09-._~+/= \t\n\u00e9\u0130B";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder header = new StringBuilder(random.nextInt(4) == 0 ? "bearer" : "Bearer ");
            for (int n = random.nextInt(8); n > 0; n--) {
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            headers.add(header.toString());
        }
        for (String header : headers) {
            assertThat(outcome(ours, header)).as(header).isEqualTo(outcome(spring, header));
        }
    }

    private static String outcome(org.springframework.security.oauth2.server.resource.web.BearerTokenResolver resolver,
            String header) {
        try {
            return "token " + resolver.resolve(request(header));
        } catch (OAuth2AuthenticationException e) {
            return "refused " + e.getError().getErrorCode() + ": " + e.getError().getDescription();
        }
    }

    private static MockHttpServletRequest request(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/orders");
        request.addHeader("Authorization", authorization);
        return request;
    }
}
