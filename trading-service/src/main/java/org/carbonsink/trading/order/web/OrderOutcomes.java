package org.carbonsink.trading.order.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Orders accepted and rejected (by the problem's type, e.g. {@code price-outside-band}), and the
 * time from an order's arrival to its answer: checked, made durable, matched against the book.
 * Counted at the controller, outside the engine's batches.
 */
@Component
class OrderOutcomes {

    /** Reasons counted from the start, so that a rate over them has a base before the first one. */
    private static final List<String> KNOWN_REASONS = List.of("invalid", "price-outside-band", "instrument-halted",
            "open-order-cap", "below-minimum-order-value", "insufficient-cash", "no-registry-account");

    private final MeterRegistry meters;
    private final Counter accepted;
    private final Timer latency;

    OrderOutcomes(MeterRegistry meters) {
        this.meters = meters;
        this.accepted = Counter.builder("carbonsink.orders.accepted")
                .description("orders accepted by the exchange (in the book, or a sell order waiting for its hold)")
                .register(meters);
        this.latency = Timer.builder("carbonsink.orders.match.latency")
                .description("from an order's arrival to its answer: checked, durable and matched against the book")
                .publishPercentileHistogram().register(meters);
        KNOWN_REASONS.forEach(this::rejectedCounter);
    }

    void accepted() {
        accepted.increment();
    }

    /** {@code count} orders accepted at once (a batch's). */
    void accepted(int count) {
        accepted.increment(count);
    }

    void rejected(String reason) {
        rejectedCounter(reason).increment();
    }

    Timer latency() {
        return latency;
    }

    private Counter rejectedCounter(String reason) {
        return Counter.builder("carbonsink.orders.rejected").tag("reason", reason)
                .description("orders the exchange refused, by the type of the problem it answered").register(meters);
    }
}
