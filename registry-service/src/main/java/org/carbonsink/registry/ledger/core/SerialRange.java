package org.carbonsink.registry.ledger.core;

/**
 * An inclusive range of serial numbers of one project and vintage. Serials come from one
 * registry-wide counter, so a number identifies one credit; the display form names this registry
 * ({@code CSR}, the carbon-sink registry: our own format, not an official CCER one), the project,
 * the vintage and the range: {@code CSR-P000001-2025-000000001-000006435} (docs/credit-ledger.md).
 */
public record SerialRange(String projectCode, int vintage, long first, long last) {

    /** The registry part of every serial. */
    public static final String REGISTRY = "CSR";

    public SerialRange {
        if (last < first) {
            throw new IllegalArgumentException("serial range ends before it starts: " + first + " to " + last);
        }
    }

    public long quantity() {
        return last - first + 1;
    }

    public String serial() {
        return String.format(REGISTRY + "-%s-%d-%09d-%09d", projectCode, vintage, first, last);
    }
}
