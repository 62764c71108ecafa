package org.carbonsink.trading.matching;

class FastOrderBookTest extends MatchingEngineBookTest {

    @Override
    MatchingEngineBook newBook() {
        return new FastOrderBook();
    }
}
