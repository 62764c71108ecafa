package org.carbonsink.trading.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.carbonsink.trading.matching.OrderType;
import org.carbonsink.trading.matching.Side;
import org.carbonsink.trading.matching.TimeInForce;
import org.junit.jupiter.api.Test;

/**
 * Which keyed orders the book writer looks up before applying a batch: a batch of orders has looked its ids up
 * already, so the writer's first attempt skips those found absent; a retry (after the primary key met an order
 * that a concurrent request with the same key committed meanwhile) looks every keyed id up.
 */
class KeyedOrderLookupTest {

    private static final PlaceOrder ORDER = new PlaceOrder(UUID.randomUUID(), "P000001-2025", Side.BUY, OrderType.LIMIT,
            TimeInForce.GTC, 1, new BigDecimal("12.00"));

    private final UUID single = UUID.randomUUID();
    private final UUID seenAbsent = UUID.randomUUID();
    private final UUID seenPlaced = UUID.randomUUID();
    private final List<Sequencer.Pending> batch = List.of(
            pending(new BookCommand.Place(single, ORDER, "hash-single")),
            pending(new BookCommand.Place(UUID.randomUUID(), ORDER)),
            pending(new BookCommand.Place(seenAbsent, ORDER, "hash-batch", true)),
            pending(new BookCommand.Place(seenPlaced, ORDER, "hash-batch", false)),
            pending(new BookCommand.Cancel("P000001-2025", UUID.randomUUID(), UUID.randomUUID())));

    @Test
    void theFirstAttemptSkipsTheIdsItsRequestFoundAbsent() {
        assertThat(Sequencer.keyedOrderIds(batch, true)).containsExactly(single, seenPlaced);
    }

    @Test
    void aRetryLooksEveryKeyedIdUp() {
        assertThat(Sequencer.keyedOrderIds(batch, false)).containsExactly(single, seenAbsent, seenPlaced);
    }

    private static Sequencer.Pending pending(BookCommand command) {
        return new Sequencer.Pending(command, new CompletableFuture<>(), null);
    }
}
