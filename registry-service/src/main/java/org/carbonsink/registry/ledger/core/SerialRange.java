package org.carbonsink.registry.ledger.core;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An inclusive range of serial numbers of one project and vintage. Serials come from one
 * registry-wide counter, so a number identifies one credit; the display form names this registry
 * ({@code CSR}, the carbon-sink registry: our own format, not an official CCER one), the project,
 * the vintage and the range: {@code CSR-P000001-2025-000000001-000006435} (docs/credit-ledger.md).
 */
public record SerialRange(String projectCode, int vintage, long first, long last) {

    /** The registry part of every serial. */
    public static final String REGISTRY = "CSR";

    private static final Pattern DISPLAY = Pattern.compile("^" + REGISTRY + "-(.+)-(\\d{4})-(\\d{1,18})-(\\d{1,18})$");

    public SerialRange {
        if (last < first) {
            throw new IllegalArgumentException("serial range ends before it starts: " + first + " to " + last);
        }
    }

    public long quantity() {
        return last - first + 1;
    }

    /** The range a display form ({@link #serial()}) names; empty when the text is not one or ends before it starts. */
    public static Optional<SerialRange> parse(String display) {
        Matcher m = DISPLAY.matcher(display);
        if (!m.matches()) {
            return Optional.empty();
        }
        long first = Long.parseLong(m.group(3));
        long last = Long.parseLong(m.group(4));
        return last < first ? Optional.empty()
                : Optional.of(new SerialRange(m.group(1), Integer.parseInt(m.group(2)), first, last));
    }

    public String serial() {
        return String.format(REGISTRY + "-%s-%d-%09d-%09d", projectCode, vintage, first, last);
    }
}
