/**
 * The matching engine: an order book per instrument with price-time priority. Plain Java, no
 * Spring and no storage; given the same orders in the same sequence and the same {@link java.time.Clock}
 * it produces the same fills.
 *
 * <p>{@link org.carbonsink.trading.matching.PriceLevelOrderBook} is the book the exchange uses;
 * {@link org.carbonsink.trading.matching.ReferenceOrderBook} is a deliberately naive one, kept so that
 * one test suite can hold the two to the same behaviour.
 */
package org.carbonsink.trading.matching;
