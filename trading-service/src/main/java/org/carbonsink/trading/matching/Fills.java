package org.carbonsink.trading.matching;

import java.time.Instant;

final class Fills {

    private Fills() {
    }

    /** The fill of an incoming order against a resting one, at the resting order's price. */
    static Fill between(BookOrder incoming, BookOrder resting, long quantity, Instant at) {
        BookOrder buy = incoming.side() == Side.BUY ? incoming : resting;
        BookOrder sell = incoming.side() == Side.SELL ? incoming : resting;
        return new Fill(buy.id(), sell.id(), buy.participantId(), sell.participantId(), incoming.id(), quantity,
                resting.limitPrice(), at);
    }
}
