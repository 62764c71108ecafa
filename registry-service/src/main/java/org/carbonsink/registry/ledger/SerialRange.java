package org.carbonsink.registry.ledger;

/**
 * An inclusive range of serial numbers of one project and vintage. Serials come from one
 * registry-wide counter, so a number identifies one credit; the display form names the project
 * and vintage too: {@code CCER-P000001-2025-000000001-000006435}.
 */
public record SerialRange(String projectCode, int vintage, long first, long last) {

    public SerialRange {
        if (last < first) {
            throw new IllegalArgumentException("serial range ends before it starts: " + first + " to " + last);
        }
    }

    public long quantity() {
        return last - first + 1;
    }

    public String serial() {
        return String.format("CCER-%s-%d-%09d-%09d", projectCode, vintage, first, last);
    }
}
