package org.carbonsink.trading.saga;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the exchange waits for the registry before it asks ({@code hold}, {@code delivery}), the
 * longest wait between two asks while no answer comes ({@code maxBackoff}), and how often it looks
 * ({@code checkInterval}, read by the scheduler).
 */
@ConfigurationProperties("carbonsink.trading.saga")
public record SagaDeadlines(Duration hold, Duration delivery, Duration maxBackoff, Duration checkInterval) {

    public SagaDeadlines {
        hold = hold == null ? Duration.ofSeconds(30) : hold;
        delivery = delivery == null ? Duration.ofSeconds(30) : delivery;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(5) : maxBackoff;
        checkInterval = checkInterval == null ? Duration.ofSeconds(5) : checkInterval;
    }

    /** The wait after the {@code asks}-th ask (from 1): the deadline, doubled each time, never above the cap. */
    Duration backoff(Duration deadline, int asks) {
        Duration wait = deadline.multipliedBy(1L << Math.min(asks - 1, 20));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
