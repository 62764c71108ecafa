package org.carbonsink.registry.monitoring;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import org.carbonsink.support.metrics.CachedValue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Credits issued and retired, in tCO2e, summed from the ledger: issuances and retirements are
 * never undone, so the sums only grow and serve as counters that survive a restart.
 */
@Component
class LedgerMetrics implements MeterBinder {

    private final CachedValue<Totals> totals;

    LedgerMetrics(JdbcClient jdbc, @Value("${carbonsink.monitoring.max-age:10s}") Duration maxAge) {
        this.totals = new CachedValue<>(() -> jdbc.sql("""
                select (select coalesce(sum(verified_credits), 0) from issuance) as issued,
                       (select coalesce(sum(quantity), 0) from retirement) as retired
                """).query(Totals.class).single(), maxAge, new Totals(0, 0));
    }

    record Totals(long issued, long retired) {
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        FunctionCounter.builder("carbonsink.credits.issued", totals, t -> t.get().issued())
                .description("credits issued in tCO2e, buffer share included").register(meters);
        FunctionCounter.builder("carbonsink.credits.retired", totals, t -> t.get().retired())
                .description("credits retired for a beneficiary, in tCO2e").register(meters);
    }
}
