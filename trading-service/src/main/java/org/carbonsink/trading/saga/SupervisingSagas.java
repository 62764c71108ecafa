package org.carbonsink.trading.saga;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.carbonsink.trading.saga.SagaAsks.Due;
import org.carbonsink.trading.saga.SagaAsks.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks for sagas past their deadline and asks the registry for their state: a sell order, block
 * trade or auction still PENDING_HOLD {@link SagaDeadlines#hold()} after it was placed, proposed or
 * announced, a trade (on the book or off it) still PENDING_DELIVERY {@link SagaDeadlines#delivery()}
 * after it executed. While no answer comes, it asks again, each wait
 * twice the last up to {@link SagaDeadlines#maxBackoff()}: a registry that was down for an hour is
 * asked again within minutes of coming back. The answers complete or compensate the saga where the
 * registry's own events would (order/messaging, which hands an off-book hold to its block trade or
 * auction).
 */
@Component
class SupervisingSagas {

    private static final Logger log = LoggerFactory.getLogger(SupervisingSagas.class);
    /** Per kind and scan; the rest waits for the next scan, a few seconds later. */
    private static final int PER_SCAN = 200;

    private final SagaAsks asks;
    private final StateQueries queries;
    private final SagaDeadlines deadlines;
    private final Clock clock;

    SupervisingSagas(SagaAsks asks, StateQueries queries, SagaDeadlines deadlines, Clock clock) {
        this.asks = asks;
        this.queries = queries;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${carbonsink.trading.saga.check-interval:PT5S}")
    @Transactional
    void askOverdue() {
        Instant now = clock.instant();
        for (Due due : asks.dueHolds(now.minus(deadlines.hold()), now, PER_SCAN)) {
            if (asked(Kind.HOLD, due, deadlines.hold(), now)) {
                queries.askHold(due.subjectId(), due.instrumentId());
            }
        }
        for (Due due : asks.dueDeliveries(now.minus(deadlines.delivery()), now, PER_SCAN)) {
            if (asked(Kind.DELIVERY, due, deadlines.delivery(), now)) {
                queries.askDelivery(due.subjectId(), due.instrumentId());
            }
        }
    }

    private boolean asked(Kind kind, Due due, Duration deadline, Instant now) {
        boolean recorded = asks.record(kind, due, now, now.plus(deadlines.backoff(deadline, due.asks() + 1)));
        if (recorded) {
            log.info("{} of {} on {} is past its deadline; asking the registry (ask {})", kind, due.subjectId(),
                    due.instrumentId(), due.asks() + 1);
        }
        return recorded;
    }
}
