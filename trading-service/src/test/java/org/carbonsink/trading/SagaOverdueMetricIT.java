package org.carbonsink.trading;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The gauge of saga steps past their deadline ({@code carbonsink.saga.overdue}) counts by the saga
 * deadlines the service is configured with, one per step (an hour for holds and two for deliveries
 * here, so that a step just inside its deadline is told apart from one just past it). The steps are
 * made old by moving their start back in the database.
 */
@TestPropertySource(properties = { "carbonsink.trading.saga.hold=PT1H", "carbonsink.trading.saga.delivery=PT2H",
        "carbonsink.monitoring.max-age=PT0S" })
class SagaOverdueMetricIT extends TradingIntegration {

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcClient jdbc;

    @Test
    void countsASellOrderWaitingForItsHoldPastTheConfiguredHoldDeadline() {
        Listed instrument = listInstrument(100);
        UUID past = pendingSell(instrument);
        UUID within = pendingSell(instrument);
        double before = overdue("sell-order-hold");

        jdbc.sql("update exchange_order set placed_at = now() - interval '61 minutes' where id = :id")
                .param("id", past).update();
        jdbc.sql("update exchange_order set placed_at = now() - interval '59 minutes' where id = :id")
                .param("id", within).update();

        assertThat(overdue("sell-order-hold")).isEqualTo(before + 1);
    }

    @Test
    void countsATradeWaitingForDeliveryPastTheConfiguredDeliveryDeadline() {
        Matched past = tenAtThirty(listInstrument(100));
        Matched within = tenAtThirty(listInstrument(100));
        double before = overdue("trade-delivery");

        jdbc.sql("update trade set executed_at = now() - interval '121 minutes' where id = :id")
                .param("id", past.tradeId()).update();
        jdbc.sql("update trade set executed_at = now() - interval '119 minutes' where id = :id")
                .param("id", within.tradeId()).update();

        assertThat(overdue("trade-delivery")).isEqualTo(before + 1);
    }

    private UUID pendingSell(Listed instrument) {
        UUID orderId = UUID.fromString(placeOrder(trader(), instrument.instrumentId(), "SELL", 10, "30.00")
                .get("id").asString());
        holdRequestedFor(orderId);
        return orderId;
    }

    private double overdue(String step) {
        return meters.get("carbonsink.saga.overdue").tag("step", step).gauge().value();
    }
}
