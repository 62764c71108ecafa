package org.carbonsink.trading.auction;

import java.util.ArrayList;
import java.util.List;

/**
 * How an auction's quantity goes to its bids: best price first, then earliest bid; each bid gets
 * what it asked for while any is left, so at most one winner (the last) is filled in part. Plain
 * Java: bids come in priority order (price descending, then time), as the database sorts them.
 */
final class Allocation {

    private Allocation() {
    }

    /** The quantity each bid gets, in the order of {@code bids}, 0 for a losing bid. */
    static List<Long> of(long offered, List<Bid> bids) {
        List<Long> allocated = new ArrayList<>(bids.size());
        long left = offered;
        for (Bid bid : bids) {
            long share = Math.min(left, bid.quantity());
            allocated.add(share);
            left -= share;
        }
        return allocated;
    }
}
