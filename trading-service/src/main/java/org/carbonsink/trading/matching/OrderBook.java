package org.carbonsink.trading.matching;

import java.util.List;

/**
 * The resting limit orders of one instrument. Price-time priority: the best price trades first
 * (highest bid, lowest ask), then the order that entered the book earliest; a trade takes the
 * resting order's price.
 */
public interface OrderBook {

    /**
     * Matches the order against the other side of the book as far as its limit allows and rests
     * what is left of it; answers the fills in the order they happened.
     */
    List<Fill> place(BookOrder order);

    /**
     * Rests an order without matching, e.g. when rebuilding a book from storage, behind the orders
     * already there at its price.
     *
     * @throws IllegalStateException when the order crosses the book: a stored book never does
     */
    void rest(BookOrder order);

    /** The resting bids, best first, with what is still open of each. */
    List<BookOrder> bids();

    /** The resting asks, best first, with what is still open of each. */
    List<BookOrder> asks();
}
