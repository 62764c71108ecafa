package org.carbonsink.trading.matching;

/**
 * The order book of one instrument, owned by one thread: commands run one at a time and report
 * what they did through {@link BookEvents} before they return. Deterministic: the same commands in
 * the same order give the same events and the same book. The package documentation states the rules.
 */
public interface MatchingEngineBook {

    /** {@link #bestBid()} of a book without bids. */
    long NO_BID = Long.MIN_VALUE;

    /** {@link #bestAsk()} of a book without asks. */
    long NO_ASK = Long.MAX_VALUE;

    /**
     * Places an order: checks it, matches it against the other side and rests or cancels what is left
     * according to its type and time in force. {@code priceFen} is ignored for market orders.
     */
    void place(long orderId, long participant, Side side, OrderType type, TimeInForce tif, long priceFen,
            long quantity, BookEvents events);

    /** Cancels a resting order, also while halted. */
    void cancel(long orderId, BookEvents events);

    /**
     * Changes a resting order's price and open quantity. Same price and no more quantity keeps its time
     * priority; a new price or more quantity sends it to the back of its level, and a new price may
     * trade at once as if the order had just arrived.
     */
    void amend(long orderId, long newPriceFen, long newQuantity, BookEvents events);

    /**
     * Session close: the last trade becomes the previous close (the band's reference when the operator set
     * none), then every resting DAY order is cancelled ({@link CancelReason#EXPIRED}), bids first, each side
     * best first.
     */
    void expireDayOrders(BookEvents events);

    /** Stops trading: place and amend are rejected until {@link #resume()}; cancels still work. */
    void halt();

    void resume();

    boolean halted();

    /**
     * The operator's reference price; 0 means none, and then the band is centred on the previous close
     * ({@link #setPreviousClose}), and without that either no band applies.
     */
    void setReferencePrice(long priceFen);

    /** The previous session's closing price (its last trade), 0 when nothing traded before this session. */
    void setPreviousClose(long priceFen);

    /** The price of the last trade so far (it becomes the close at the next session close), 0 when none. */
    void setLastTradePrice(long priceFen);

    long previousClose();

    long lastTradePrice();

    /** Half the band's width in basis points of the reference price (1000 = ±10%); 0 means no band. */
    void setBandBasisPoints(int bps);

    /** The price the band is centred on: the operator's reference, else the previous close, else 0 (no band). */
    long referencePrice();

    int bandBasisPoints();

    /** The lowest limit price accepted: the band's lower bound rounded up to whole fen, or 1 without a band. */
    long lowerBandFen();

    /** The highest limit price accepted: the band's upper bound rounded down to whole fen, or {@link Long#MAX_VALUE} without a band. */
    long upperBandFen();

    /** The highest bid, or {@link #NO_BID}. */
    long bestBid();

    /** The lowest ask, or {@link #NO_ASK}. */
    long bestAsk();

    /** How many orders rest in the book, both sides. */
    int orderCount();

    /** Visits the price levels of one side, best first. */
    void forEachLevel(Side side, LevelVisitor visitor);

    /** Visits the resting orders of one side, best price first, in time priority within a price. */
    void forEachOrder(Side side, OrderVisitor visitor);

    boolean contains(long orderId);

    /** The open quantity of a resting order, or 0 when it is not in the book. */
    long openQuantity(long orderId);
}
