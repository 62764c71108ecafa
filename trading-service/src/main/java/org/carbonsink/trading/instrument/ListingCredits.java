package org.carbonsink.trading.instrument;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Lists the instrument of newly issued credits, if it is not listed yet. */
@Component
public class ListingCredits {

    private final Instruments instruments;
    private final Clock clock;

    ListingCredits(Instruments instruments, Clock clock) {
        this.instruments = instruments;
        this.clock = clock;
    }

    @Transactional
    public void list(ListCredits command) {
        Instrument listing = new Instrument(Instrument.idOf(command.projectCode(), command.vintage()),
                command.projectId(), command.projectCode(), command.vintage(), 0, Instant.now(clock), false, null,
                Instrument.CONTINUOUS_BAND_BASIS_POINTS);
        instruments.addIssued(listing, command.quantity());
    }
}
