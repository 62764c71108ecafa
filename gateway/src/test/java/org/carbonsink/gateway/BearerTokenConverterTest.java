package org.carbonsink.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

class BearerTokenConverterTest {

    final ServerAuthenticationConverter spring = new ServerBearerTokenAuthenticationConverter();
    final ServerAuthenticationConverter ours = new BearerTokenConverter();

    @Test
    void takesTheTokenOfABearerHeaderAndRefusesAMalformedOne() {
        assertThat(outcome(ours, "Bearer a.b-c_~+/==")).isEqualTo("token a.b-c_~+/==");
        assertThat(outcome(ours, null)).isEqualTo("none");
        assertThat(outcome(ours, "Basic dHJhZGVy")).isEqualTo("none");
        assertThat(outcome(ours, "Bearer a b")).isEqualTo("refused invalid_token: Bearer token is malformed");
    }

    /** Spring Security's converter, with its defaults, is what this one replaces: the same answer for any header. */
    @Test
    void answersAsSpringSecuritysDefaultConverterDoes() {
        List<String> headers = new ArrayList<>(List.of("Token x", "", " Bearer x", "Bearer \u212a"));
        // every header of a scheme-like prefix and up to three characters of these, exhaustively
        String characters = "aZ9-~+/= \t\u00e9";
        for (String prefix : List.of("Bearer ", "bEARER ", "Bearer", "Bearerx")) {
            headers.add(prefix);
            for (char first : characters.toCharArray()) {
                for (char second : characters.toCharArray()) {
                    headers.add(prefix + first + second);
                    for (char third : characters.toCharArray()) {
                        headers.add(prefix + first + second + third);
                    }
                }
            }
        }
        for (String header : headers) {
            assertThat(outcome(ours, header)).as(header).isEqualTo(outcome(spring, header));
        }
    }

    /** The firewall's rule for header values, kept with printable ASCII checked by hand. */
    @Test
    void headerValuesPassTheFirewallAsByItsDefaultRule() {
        Random random = new Random(8);
        char[] alphabet = { 'a', ' ', '~', '\t', '\n', '\r', '\u0000', '\u007f', '\u0085', '\u00e9', '\u0378', '\u2028',
                '\ud83d', '\ude00', '\uffff' };
        for (int i = 0; i < 20_000; i++) {
            StringBuilder value = new StringBuilder();
            for (int n = random.nextInt(6); n > 0; n--) {
                value.append(random.nextInt(3) == 0 ? (char) random.nextInt(0x100) : alphabet[random.nextInt(alphabet.length)]);
            }
            String v = value.toString();
            assertThat(SecurityConfiguration.ALLOWED_HEADER_VALUES.test(v)).as("%s", v.chars().boxed().toList())
                    .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(v));
        }
        assertThat(SecurityConfiguration.ALLOWED_HEADER_VALUES.test("Bearer abc\tdef")).isTrue();
        assertThat(SecurityConfiguration.ALLOWED_HEADER_VALUES.test("abc\ndef")).isFalse();
        assertThat(SecurityConfiguration.ALLOWED_HEADER_VALUES.test(null))
                .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(null));
    }

    private static String outcome(ServerAuthenticationConverter converter, String header) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.post("/api/trading/orders");
        if (header != null) {
            request.header("Authorization", header);
        }
        try {
            return converter.convert(MockServerWebExchange.from(request)).map(
                    token -> "token " + ((BearerTokenAuthenticationToken) token).getToken()).defaultIfEmpty("none").block();
        } catch (OAuth2AuthenticationException e) {
            return "refused " + e.getError().getErrorCode() + ": " + e.getError().getDescription();
        }
    }
}
