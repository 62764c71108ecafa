package org.carbonsink.support.security;

import java.util.function.Predicate;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The header values Spring Security's firewall lets through, as {@link StrictHttpFirewall#ALLOWED_HEADER_VALUES}
 * decides (assigned characters, no control character but tab), with printable ASCII accepted without its
 * regular expression: the firewall checks every header value each time it is read, and the expression over
 * an {@code Authorization} header of some 850 characters was a cost every request with a token paid
 * (docs/benchmarks.md, "Single orders"). A value with any other character is decided by the firewall's own
 * rule.
 */
public final class HeaderValues {

    /** For {@code StrictHttpFirewall#setAllowedHeaderValues}. */
    public static final Predicate<String> ALLOWED = HeaderValues::allowed;

    private HeaderValues() {
    }

    static boolean allowed(String value) {
        // null, as any value that is not all printable ASCII, is the firewall's own rule to decide
        return value != null && isPrintableAscii(value) || StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(value);
    }

    private static boolean isPrintableAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 || c > 0x7e) && c != '\t') {
                return false;
            }
        }
        return true;
    }
}
