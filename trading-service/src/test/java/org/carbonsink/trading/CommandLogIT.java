package org.carbonsink.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The command log (docs/exchange-engine.md): one row per batch and instrument, listed one command a row by the view
 * book_command; the database keeps an instrument's rows one chain of sequence numbers, none logged twice and no gap.
 */
class CommandLogIT extends TradingIntegration {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aBatchOfOrdersIsOneRowOfTheLogAndEachOfItsCommandsARowOfTheView() {
        UUID buyer = trader();
        Listed instrument = listInstrument(1_000);
        deposit(buyer, "10000.00");
        placeOrder(buyer, instrument.instrumentId(), "BUY", 5, "11.00");
        List<Map<String, Object>> orders = new ArrayList<>();
        // immediate-or-cancel: nothing to buy, so none rests (a participant may rest 20 orders here)
        for (int i = 0; i < 70; i++) {
            Map<String, Object> order = new HashMap<>(order(instrument.instrumentId(), "BUY", 1, "10.00"));
            order.put("timeInForce", "IOC");
            orders.add(order);
        }
        as(buyer).post("/orders/batch", Map.of("orders", orders)).expect(200);

        List<String> commands = jdbc.sql("""
                select sequence || ' ' || kind || ' ' || detail || ' -> ' || outcome from book_command
                where instrument_id = :i order by sequence""").param("i", instrument.instrumentId())
                .query(String.class).list();
        long rows = jdbc.sql("select count(*) from book_command_batch where instrument_id = :i")
                .param("i", instrument.instrumentId()).query(Long.class).single();

        assertThat(commands).hasSize(71).first().isEqualTo("1 PLACE LIMIT GTC BUY 5 @ 11.00 -> OPEN");
        assertThat(commands).last().isEqualTo("71 PLACE LIMIT IOC BUY 1 @ 10.00 -> CANCELLED");
        assertThat(rows).as("rows of the log: the single order's batch and the batch of 70, or a few").isBetween(2L, 71L)
                .isLessThan(commands.size());
    }

    @Test
    void theDatabaseLogsNoSequenceNumberTwiceAndLeavesNoGap() {
        UUID buyer = trader();
        Listed instrument = listInstrument(1_000);
        deposit(buyer, "10000.00");
        placeOrder(buyer, instrument.instrumentId(), "BUY", 5, "11.00");
        placeOrder(buyer, instrument.instrumentId(), "BUY", 5, "10.00");
        long last = jdbc.sql("select max(last_sequence) from book_command_batch where instrument_id = :i")
                .param("i", instrument.instrumentId()).query(Long.class).single();

        // a repeat of the last command, one overlapping it, and one after a gap would each be a second start
        for (long[] range : List.of(new long[] { last, last }, new long[] { last, last + 1 }, new long[] { last + 2, last + 2 },
                new long[] { 1, 1 })) {
            assertThatThrownBy(() -> logRow(instrument.instrumentId(), range[0], range[1]))
                    .as(range[0] + ".." + range[1]).isInstanceOf(DuplicateKeyException.class);
        }
        // the next command after the last one follows it
        logRow(instrument.instrumentId(), last + 1, last + 1);
        assertThat(jdbc.sql("select count(*) from book_command where instrument_id = :i")
                .param("i", instrument.instrumentId()).query(Long.class).single()).isEqualTo(last + 1);
    }

    private void logRow(String instrumentId, long first, long last) {
        int count = (int) (last - first + 1);
        jdbc.sql("""
                insert into book_command_batch (instrument_id, first_sequence, last_sequence, applied_at, kinds, order_ids,
                    trade_ids, participant_ids, details, outcomes)
                values (:i, :first, :last, now(), array_fill('HALT'::text, array[:n]), array_fill(null::uuid, array[:n]),
                    array_fill(null::uuid, array[:n]), array_fill(null::uuid, array[:n]), array_fill(null::text, array[:n]),
                    array_fill('HALTED'::text, array[:n]))
                """).param("i", instrumentId).param("first", first).param("last", last).param("n", count).update();
    }
}
