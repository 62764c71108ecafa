package org.carbonsink.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.firewall.StrictHttpFirewall;

class HeaderValuesTest {

    @Test
    void printableAsciiAndTabPassControlCharactersDoNot() {
        assertThat(HeaderValues.allowed("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")).isTrue();
        assertThat(HeaderValues.allowed("a\tb")).isTrue();
        assertThat(HeaderValues.allowed("")).isTrue();
        assertThat(HeaderValues.allowed("a\nb")).isFalse();
        assertThat(HeaderValues.allowed("a\u0000b")).isFalse();
        assertThat(HeaderValues.allowed("a\u007fb")).isFalse();
    }

    @Test
    void otherCharactersAreDecidedAsTheFirewallDecides() {
        assertThat(HeaderValues.allowed("caf\u00e9")).isTrue();
        assertThat(HeaderValues.allowed("\u0378")).isFalse();
        assertThat(HeaderValues.allowed("a\u0085b")).isFalse();
    }

    /** The same answers as the firewall's own rule, for ASCII and beyond. */
    @Test
    void answersAsTheFirewallsDefaultRuleDoes() {
        List<String> values = new ArrayList<>();
        Random random = new Random(8);
        char[] alphabet = { 'a', ' ', '~', '\t', '\n', '\r', '\u0000', '\u001f', '\u007f', '\u0080', '\u00a0', '\u00e9',
                '\u0378', '\u2028', '\ud83d', '\ude00', '\uffff', '\ufeff' };
        for (int i = 0; i < 20_000; i++) {
            StringBuilder value = new StringBuilder();
            for (int n = random.nextInt(6); n > 0; n--) {
                value.append(random.nextInt(3) == 0 ? (char) random.nextInt(0x100) : alphabet[random.nextInt(alphabet.length)]);
            }
            values.add(value.toString());
        }
        for (String value : values) {
            assertThat(HeaderValues.allowed(value)).as("%s", value.chars().boxed().toList())
                    .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(value));
        }
    }
}
