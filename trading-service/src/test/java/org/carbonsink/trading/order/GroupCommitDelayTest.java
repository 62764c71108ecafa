package org.carbonsink.trading.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

/** How a writer that has just committed several commands waits for more before its next group commit. */
class GroupCommitDelayTest {

    private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private final List<String> batch = new ArrayList<>(List.of("first"));

    @Test
    void commandsArrivingWithinTheDelayJoinTheBatchUntilItIsFull() throws InterruptedException {
        Thread requests = new Thread(() -> {
            queue.add("second");
            queue.add("third");
            queue.add("fourth");
        });
        requests.start();

        // an hour: only a full batch ends the wait here
        Sequencer.linger(queue, batch, Duration.ofHours(1), 3);
        requests.join();

        assertThat(batch).containsExactly("first", "second", "third");
        assertThat(queue).containsExactly("fourth");
    }

    @Test
    void whenTheDelayEndsTheBatchGoesWithWhatItHas() {
        Sequencer.linger(queue, batch, Duration.ofMillis(5), 100);

        assertThat(batch).containsExactly("first");
    }

    @Test
    void withoutADelayNothingIsAwaited() {
        queue.add("second");

        Sequencer.linger(queue, batch, Duration.ZERO, 100);

        assertThat(batch).containsExactly("first");
        assertThat(queue).containsExactly("second");
    }
}
