package org.carbonsink.contracts;

/**
 * The serials of one movement in brief, however many there are: the number of ranges and the first
 * and last of them (null when nothing moved). An event lists at most {@link #MAX_LISTED_RANGES} ranges,
 * so that no event grows with an account's history; the ledger has the rest.
 */
public record SerialSummary(int ranges, SerialRange first, SerialRange last) {

    public static final int MAX_LISTED_RANGES = 100;
}
