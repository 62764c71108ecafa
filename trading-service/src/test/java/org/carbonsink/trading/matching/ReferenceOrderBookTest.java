package org.carbonsink.trading.matching;

import java.time.Clock;

class ReferenceOrderBookTest extends OrderBookTest {

    @Override
    OrderBook newBook(Clock clock) {
        return new ReferenceOrderBook(clock);
    }
}
