package org.carbonsink.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.carbonsink.support.jdbc.Pipeline;
import org.carbonsink.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** Statements sent together on real PostgreSQL: each runs as if alone, in order, and a failure stops the rest. */
@SpringBootTest
class PipelineIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.springProperties("support_pipeline").forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    @BeforeEach
    void table() {
        jdbc.execute("create table if not exists pipeline_item (id uuid primary key, n int not null check (n >= 0), "
                + "note text)");
    }

    @Test
    void eachStatementSeesWhatTheOnesBeforeItDidAndAnswersInItsTurn() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Pipeline.Results results = tx.execute(status -> new Pipeline()
                .update("insert into pipeline_item (id, n, note) values (?, ?, ?)", a, 1, null)
                .update("insert into pipeline_item (id, n, note) values (?, ?, ?)", b, 2, "second")
                .update("update pipeline_item set n = n + 10 where id in (?, ?)", a, b)
                .query("select n from pipeline_item where id in (?, ?) order by n", (rs, row) -> rs.getInt(1), a, b)
                .update("delete from pipeline_item where id = ? and note is null", a)
                .run(jdbc));

        assertThat(results.updated(0)).isOne();
        assertThat(results.updated(2)).isEqualTo(2);
        assertThat(results.<Integer>rows(3)).containsExactly(11, 12);
        assertThat(results.updated(4)).isOne();
        assertThat(jdbc.queryForObject("select count(*) from pipeline_item where id in (?, ?)", Long.class, a, b))
                .isOne();
    }

    @Test
    void theFirstStatementThatFailsIsThrownAndNothingOfItsTransactionRemains() {
        UUID a = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> new Pipeline()
                .update("insert into pipeline_item (id, n) values (?, ?)", a, 1)
                .update("insert into pipeline_item (id, n) values (?, ?)", UUID.randomUUID(), -1)
                .update("insert into pipeline_item (id, n) values (?, ?)", c, 3)
                .run(jdbc))).isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("pipeline_item");

        assertThat(jdbc.queryForObject("select count(*) from pipeline_item where id in (?, ?)", Long.class, a, c))
                .isZero();
    }

    @Test
    void aCheckedCountThatIsRefusedFailsTheRun() {
        UUID missing = UUID.randomUUID();
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> new Pipeline()
                .updateChecked("update pipeline_item set n = n + 1 where id = ?", updated -> {
                    if (updated != 1) {
                        throw new IllegalStateException("no item " + missing);
                    }
                }, missing)
                .run(jdbc))).isInstanceOf(IllegalStateException.class).hasMessage("no item " + missing);
    }

    @Test
    void anArrayParameterIsSentAsAnSqlArrayForUnnest() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Pipeline.Results results = tx.execute(status -> new Pipeline()
                .update("insert into pipeline_item (id, n, note) select * from unnest(?::uuid[], ?::int[], ?::text[])",
                        Pipeline.array("uuid", new Object[] { a, b }), Pipeline.array("int4", new Object[] { 5, 6 }),
                        Pipeline.array("text", new Object[] { null, "six" }))
                .query("select note from pipeline_item where id = any(?) order by n", (rs, row) -> rs.getString(1),
                        Pipeline.array("uuid", new Object[] { a, b }))
                .run(jdbc));

        assertThat(results.updated(0)).isEqualTo(2);
        assertThat(results.<String>rows(1)).containsExactly(null, "six");
    }

    @Test
    void checksAreGivenTheirAnswersInTheOrderOfTheirStatementsAndTheFirstRefusalIsThrown() {
        UUID a = UUID.randomUUID();
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> new Pipeline()
                .update("insert into pipeline_item (id, n) values (?, ?)", a, 1)
                .<Integer>queryChecked("select n from pipeline_item where id = ?", (rs, row) -> rs.getInt(1), rows -> {
                    seen.add("query " + rows);
                    throw new IllegalStateException("first refusal");
                }, a)
                .updateChecked("update pipeline_item set n = 2 where id = ?", count -> {
                    seen.add("update " + count);
                    throw new IllegalStateException("second refusal");
                }, a)
                .run(jdbc))).isInstanceOf(IllegalStateException.class).hasMessage("first refusal");

        assertThat(seen).containsExactly("query [1]");
        assertThat(jdbc.queryForObject("select count(*) from pipeline_item where id = ?", Long.class, a)).isZero();
    }

    @Test
    void refusesAStepThatHoldsMoreThanOneStatement() {
        assertThatThrownBy(() -> new Pipeline().update("delete from pipeline_item; delete from pipeline_item"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
