package org.carbonsink.trading.matching;

import java.time.Clock;

class PriceLevelOrderBookTest extends OrderBookTest {

    @Override
    OrderBook newBook(Clock clock) {
        return new PriceLevelOrderBook(clock);
    }
}
