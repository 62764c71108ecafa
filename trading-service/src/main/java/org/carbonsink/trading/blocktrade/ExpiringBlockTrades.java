package org.carbonsink.trading.blocktrade;

import java.time.Clock;
import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Expires open block trades past their {@code expiresAt}, each in its own transaction. */
@Component
class ExpiringBlockTrades {

    private final BlockTrades blockTrades;
    private final EndingBlockTrade ending;
    private final Clock clock;

    ExpiringBlockTrades(BlockTrades blockTrades, EndingBlockTrade ending, Clock clock) {
        this.blockTrades = blockTrades;
        this.ending = ending;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${carbonsink.block-trades.expiry-interval:PT5S}")
    void expireDue() {
        blockTrades.dueToExpire(Instant.now(clock)).forEach(ending::expire);
    }
}
