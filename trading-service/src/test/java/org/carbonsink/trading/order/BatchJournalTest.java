package org.carbonsink.trading.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A batch's command log is written one row per instrument, of the instrument's commands numbered without a gap. */
class BatchJournalTest {

    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");

    private static Batch.LogRow command(String instrument, long sequence) {
        return new Batch.LogRow(instrument, sequence, "PLACE", UUID.randomUUID(), null, UUID.randomUUID(), "LIMIT GTC BUY 1",
                "OPEN", NOW);
    }

    @Test
    void theCommandsOfABatchAreGroupedByInstrumentInTheirOrder() {
        Batch.LogRow a1 = command("A", 11);
        Batch.LogRow b1 = command("B", 3);
        Batch.LogRow a2 = command("A", 12);
        Batch.LogRow b2 = command("B", 4);
        Batch.LogRow a3 = command("A", 13);

        assertThat(BatchJournal.byInstrument(List.of(a1, b1, a2, b2, a3)))
                .containsExactly(List.of(a1, a2, a3), List.of(b1, b2));
    }

    @Test
    void anInstrumentsCommandsWithAGapOrARepeatAreAWritersBugAndAreNotWritten() {
        assertThatThrownBy(() -> BatchJournal.byInstrument(List.of(command("A", 1), command("A", 3))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("command 3 of A follows 1");
        assertThatThrownBy(() -> BatchJournal.byInstrument(List.of(command("A", 1), command("A", 1))))
                .isInstanceOf(IllegalStateException.class);
    }
}
