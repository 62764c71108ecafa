package org.carbonsink.trading.monitoring;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import org.carbonsink.support.metrics.CachedValue;
import org.carbonsink.trading.saga.SagaDeadlines;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counted from the tables, not in the settlement path: trades settle on Kafka consumers and never
 * leave SETTLED or FAILED, so the counts only grow and serve as counters that survive a restart.
 * A sell order PENDING_HOLD longer than the saga's hold deadline, or a trade PENDING_DELIVERY longer
 * than its delivery deadline ({@code carbonsink.trading.saga.*}, the deadlines the saga supervisor
 * asks the registry at), is a saga step past its deadline ({@code carbonsink.saga.overdue}): the
 * registry has not answered in time.
 */
@Component
class TradingMetrics implements MeterBinder {

    private final CachedValue<Counts> counts;

    TradingMetrics(JdbcClient jdbc, SagaDeadlines deadlines,
            @Value("${carbonsink.monitoring.max-age:10s}") Duration maxAge) {
        this.counts = new CachedValue<>(() -> jdbc.sql("""
                select (select count(*) from trade where status = 'SETTLED') as settled,
                       (select count(*) from trade where status = 'FAILED') as failed,
                       (select count(*) from exchange_order where status = 'PENDING_HOLD'
                           and placed_at < now() - :hold * interval '1 microsecond') as overdue_holds,
                       (select count(*) from trade where status = 'PENDING_DELIVERY'
                           and executed_at < now() - :delivery * interval '1 microsecond') as overdue_deliveries
                """).param("hold", micros(deadlines.hold()))
                        .param("delivery", micros(deadlines.delivery())).query(Counts.class).single(), maxAge,
                new Counts(0, 0, 0, 0));
    }

    /** In microseconds, as PostgreSQL keeps timestamps: a deadline of 1.5 s is not 1 s. */
    private static long micros(Duration deadline) {
        return deadline.toNanos() / 1_000;
    }

    record Counts(long settled, long failed, long overdueHolds, long overdueDeliveries) {
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        FunctionCounter.builder("carbonsink.trades.settled", counts, c -> c.get().settled())
                .description("trades settled: credits delivered to the buyer, cash paid to the seller").register(meters);
        FunctionCounter.builder("carbonsink.trades.failed", counts, c -> c.get().failed())
                .description("trades failed: the registry could not deliver, the buyer's cash was released")
                .register(meters);
        Gauge.builder("carbonsink.saga.overdue", counts, c -> c.get().overdueHolds()).tag("step", "sell-order-hold")
                .description("sell orders waiting for the registry's hold past the saga deadline").register(meters);
        Gauge.builder("carbonsink.saga.overdue", counts, c -> c.get().overdueDeliveries())
                .tag("step", "trade-delivery")
                .description("trades waiting for the registry's delivery past the saga deadline").register(meters);
    }
}
