package org.carbonsink.trading.matching;

/** Receives the price levels of one side of a book, best first. */
@FunctionalInterface
public interface LevelVisitor {

    void level(long priceFen, long openQuantity, int orderCount);
}
