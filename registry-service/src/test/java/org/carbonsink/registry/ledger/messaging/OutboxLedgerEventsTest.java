package org.carbonsink.registry.ledger.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.carbonsink.contracts.CreditsDelivered;
import org.carbonsink.contracts.CreditsTransferred;
import org.carbonsink.registry.ledger.Transfer;
import org.carbonsink.registry.ledger.core.SerialRange;
import org.carbonsink.support.jdbc.Pipeline;
import org.carbonsink.support.outbox.Outbox;
import org.carbonsink.support.tracing.TraceContexts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** No ledger event grows with an account's history: a movement of any number of ranges makes a small event. */
class OutboxLedgerEventsTest {

    /** An account's holdings split into this many ranges by years of small trades. */
    private static final int RANGES = 200_000;
    private static final int BOUND_BYTES = 32 * 1024;

    final List<Record> published = new ArrayList<>();
    final JsonMapper json = JsonMapper.builder().build();
    final OutboxLedgerEvents events = new OutboxLedgerEvents(new Outbox(null, json, () -> { }, false, TraceContexts.none()) {
        @Override
        public void publish(String topic, Object key, Record event) {
            published.add(event);
        }

        @Override
        public void publish(Pipeline writes, String topic, Object key, Record event) {
            published.add(event);
        }
    }, Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void aDeliveryFromAHoldOfAHugeNumberOfRangesListsTheFirstAndSummarisesAll() {
        List<SerialRange> moved = fragmented();

        events.delivered(new Pipeline(), UUID.randomUUID(), "P123456-2025", UUID.randomUUID(), RANGES * 5L, moved);

        CreditsDelivered event = (CreditsDelivered) published.get(0);
        assertThat(bytes(event)).isLessThan(BOUND_BYTES);
        assertThat(event.serials()).hasSize(100);
        assertThat(event.serials().get(0).first()).isEqualTo(1);
        assertThat(event.serialSummary().ranges()).isEqualTo(RANGES);
        assertThat(event.serialSummary().first().first()).isEqualTo(1);
        assertThat(event.serialSummary().last().last()).isEqualTo(moved.get(RANGES - 1).last());
    }

    @Test
    void aTransferOfAHugeNumberOfRangesMakesABoundedEvent() {
        List<SerialRange> moved = fragmented();
        Transfer transfer = new Transfer(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), "P123456", 2025, RANGES * 5L, Instant.now(), moved);

        events.transferred(transfer, moved);

        CreditsTransferred event = (CreditsTransferred) published.get(0);
        assertThat(bytes(event)).isLessThan(BOUND_BYTES);
        assertThat(event.serialSummary().ranges()).isEqualTo(RANGES);
    }

    /** Ranges of 5 credits with gaps between them: 1-5, 11-15, 21-25, ... */
    private static List<SerialRange> fragmented() {
        return LongStream.range(0, RANGES).mapToObj(i -> new SerialRange("P123456", 2025, i * 10 + 1, i * 10 + 5))
                .toList();
    }

    private int bytes(Record event) {
        return json.writeValueAsString(event).getBytes(StandardCharsets.UTF_8).length;
    }
}
