package org.carbonsink.trading.matching;

class NaiveOrderBookTest extends MatchingEngineBookTest {

    @Override
    MatchingEngineBook newBook() {
        return new NaiveOrderBook();
    }
}
