package org.carbonsink.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An order row names a listed instrument, checked by the database once per statement (V90) where a foreign key
 * checked each row: a statement with one order of an unlisted instrument writes none, and an instrument that
 * orders name stays, even through a TRUNCATE (V100).
 */
class OrderInstrumentIT extends TradingIntegration {

    private static final String INSERT = """
            insert into exchange_order (id, instrument_id, participant_id, side, order_type, time_in_force, quantity,
                                        limit_price, filled_quantity, reserved_cash, status, placed_at, updated_at)
            select o.id, o.instrument_id, :participant, 'SELL', 'LIMIT', 'GTC', 1, 12.00, 0, 0, 'PENDING_HOLD', :at, :at
            from (values %s) as o(id, instrument_id)
            """;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aStatementWithAnOrderOfAnUnlistedInstrumentWritesNoOrder() {
        Listed listed = listInstrument(100);
        UUID seller = trader();
        UUID good = UUID.randomUUID();
        UUID bad = UUID.randomUUID();

        assertThatThrownBy(() -> insert(seller, new UUID[] { good, bad }, new String[] { listed.instrumentId(), "P404-2025" }))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("P404-2025");
        assertThatThrownBy(() -> insert(seller, new UUID[] { bad }, new String[] { "P404-2025" }))
                .isInstanceOf(DataIntegrityViolationException.class);

        assertThat(ordersOf(seller)).isZero();
        insert(seller, new UUID[] { good }, new String[] { listed.instrumentId() });
        assertThat(ordersOf(seller)).isOne();
    }

    @Test
    void anOrderCannotMoveToAnUnlistedInstrument() {
        Listed listed = listInstrument(100);
        UUID seller = trader();
        UUID order = UUID.randomUUID();
        insert(seller, new UUID[] { order }, new String[] { listed.instrumentId() });

        assertThatThrownBy(() -> database.sql("update exchange_order set instrument_id = 'P404-2025' where id = :id")
                .param("id", order).update()).isInstanceOf(DataIntegrityViolationException.class);

        assertThat(database.sql("select instrument_id from exchange_order where id = :id").param("id", order)
                .query(String.class).single()).isEqualTo(listed.instrumentId());
    }

    @Test
    void anInstrumentThatOrdersNameIsNeitherDeletedNorRenamed() {
        Listed listed = listInstrument(100);
        UUID seller = trader();
        insert(seller, new UUID[] { UUID.randomUUID() }, new String[] { listed.instrumentId() });

        assertThatThrownBy(() -> database.sql("delete from instrument where id = :id").param("id", listed.instrumentId())
                .update()).isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("exchange_order");
        assertThatThrownBy(() -> database.sql(
                "update instrument set id = 'P405-2025', project_code = 'P405' where id = :id")
                .param("id", listed.instrumentId()).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("exchange_order");

        assertThat(database.sql("select count(*) from instrument where id = :id").param("id", listed.instrumentId())
                .query(Long.class).single()).isOne();
    }

    /** The key refused a TRUNCATE of instrument alone (V100); the triggers of V90 do not see one. */
    @Test
    void instrumentsAreTruncatedOnlyWithTheOrdersThatNameThem() {
        Listed listed = listInstrument(100);
        insert(trader(), new UUID[] { UUID.randomUUID() }, new String[] { listed.instrumentId() });
        TransactionTemplate rolledBack = new TransactionTemplate(transactions);

        assertThatThrownBy(() -> rolledBack.executeWithoutResult(tx -> database.sql("truncate instrument cascade")
                .update())).isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("cannot truncate a table referenced in a foreign key constraint");

        assertThat(database.sql("select count(*) from instrument where id = :id").param("id", listed.instrumentId())
                .query(Long.class).single()).isOne();
        // together, as the key allowed; undone so that the other tests keep their instruments
        long left = rolledBack.execute(tx -> {
            database.sql("truncate instrument, exchange_order cascade").update();
            tx.setRollbackOnly();
            return database.sql("select count(*) from instrument").query(Long.class).single();
        });
        assertThat(left).isZero();
    }

    @Test
    void theWritersStatementRestsEveryOrderOfABatch() {
        Listed listed = listInstrument(1_000);
        UUID buyer = trader();
        deposit(buyer, "100000.00");
        List<Map<String, Object>> orders = new ArrayList<>();
        // the writer's rows through unnest, one statement; EngineRecoveryIT writes them with COPY as well
        for (int i = 0; i < OPEN_ORDER_CAP; i++) {
            orders.add(order(listed.instrumentId(), "BUY", 1, "10." + (10 + i)));
        }

        as(buyer).withIdempotencyKey("batch-" + UUID.randomUUID()).post("/orders/batch", Map.of("orders", orders))
                .expect(200);

        assertThat(database.sql("select count(*) from exchange_order where participant_id = :p and status = 'OPEN'")
                .param("p", buyer).query(Long.class).single()).isEqualTo(OPEN_ORDER_CAP);
    }

    /** One statement inserting an order waiting for its hold per id, the {@code i}th in {@code instruments[i]}. */
    private void insert(UUID participant, UUID[] ids, String[] instruments) {
        List<String> rows = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            rows.add("(cast(:id" + i + " as uuid), cast(:instrument" + i + " as text))");
            params.put("id" + i, ids[i]);
            params.put("instrument" + i, instruments[i]);
        }
        database.sql(INSERT.formatted(String.join(", ", rows))).params(params).param("participant", participant)
                .param("at", Timestamp.from(Instant.now())).update();
    }

    private long ordersOf(UUID participant) {
        return database.sql("select count(*) from exchange_order where participant_id = :p").param("p", participant)
                .query(Long.class).single();
    }
}
