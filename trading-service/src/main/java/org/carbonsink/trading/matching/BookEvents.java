package org.carbonsink.trading.matching;

/**
 * What a command did to the book, reported synchronously while the command runs, in the order it
 * happened. Primitives and enum constants only, so that reporting allocates nothing.
 *
 * <p>For an accepted place: {@code accepted}, then the trades (with any {@code cancelled(SELF_TRADE)} of
 * resting orders between them), then either {@code rested} (GTC and DAY limit orders with quantity
 * left), {@code cancelled} of the incoming order's remainder (IOC, FOK, market) or nothing (filled).
 */
public interface BookEvents {

    /** The order passed every check and enters matching. */
    void accepted(long orderId);

    /**
     * {@code quantity} credits traded at the maker's (resting order's) price. {@code makerFilled} tells
     * whether the resting order is now filled and gone from the book.
     */
    void trade(long takerOrderId, long makerOrderId, long takerParticipant, long makerParticipant, Side takerSide,
            long priceFen, long quantity, boolean makerFilled);

    /** The order (or what is left of it) now rests in the book at {@code priceFen}. */
    void rested(long orderId, long priceFen, long openQuantity);

    /** {@code cancelledQuantity} credits of the order left the book (or never entered it) without trading. */
    void cancelled(long orderId, long cancelledQuantity, CancelReason reason);

    /**
     * An amend took effect: the order now has {@code openQuantity} open at {@code priceFen};
     * {@code keptPriority} is false when it went to the back of its price level.
     */
    void amended(long orderId, long priceFen, long openQuantity, boolean keptPriority);

    /** The command was refused and changed nothing. */
    void rejected(long orderId, RejectReason reason);
}
