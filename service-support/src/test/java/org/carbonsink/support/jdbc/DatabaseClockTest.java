package org.carbonsink.support.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneId;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DatabaseClockTest {

    @Test
    void givesWholeMicrosecondsInItsZone() {
        Clock clock = DatabaseClock.system(ZoneId.of("Asia/Shanghai"));

        assertThat(IntStream.range(0, 1_000).map(i -> clock.instant().getNano() % 1_000))
                .as("nanoseconds beyond the microsecond").containsOnly(0);
        assertThat(clock.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(clock.withZone(ZoneId.of("UTC")).instant().getNano() % 1_000).isZero();
    }
}
