package org.carbonsink.trading.matching;

/** Receives the resting orders of one side of a book: best price first, earliest first within a price. */
@FunctionalInterface
public interface OrderVisitor {

    void order(long orderId, long participant, long priceFen, long openQuantity, TimeInForce tif);
}
