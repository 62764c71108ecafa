package org.carbonsink.trading.auction;

import java.time.Clock;
import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Closes every auction whose window has ended, each in its own transaction. */
@Component
class ClosingDueAuctions {

    private final Auctions auctions;
    private final ClosingAuction closing;
    private final Clock clock;

    ClosingDueAuctions(Auctions auctions, ClosingAuction closing, Clock clock) {
        this.auctions = auctions;
        this.closing = closing;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${carbonsink.auctions.close-interval:PT2S}")
    void closeDue() {
        auctions.due(Instant.now(clock)).forEach(id -> closing.close(new CloseAuction(id)));
    }
}
