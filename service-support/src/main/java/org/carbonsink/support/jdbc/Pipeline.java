package org.carbonsink.support.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.RowMapper;

/**
 * Statements sent to PostgreSQL together, in one network round trip, on the caller's transaction: the
 * driver sends them as one message stream with a single sync, and the server runs them one after the
 * other exactly as if each had been sent alone (each takes its own snapshot and its locks in the order
 * written; the first that fails stops the rest and the error is thrown as any statement's). What is
 * saved is only the wait between them: a path that must run several statements in order (lock, then
 * read, then write) pays one round trip instead of several.
 *
 * <p>Parameters are positional ({@code ?}); a statement's SQL must not contain a semicolon of its own.
 */
public final class Pipeline {

    private final List<Step> steps = new ArrayList<>();

    private record Step(String sql, Object[] params, RowMapper<?> mapper, Consumer<Object> check) {
    }

    /** A parameter sent as an SQL array of {@code type} (as {@link java.sql.Connection#createArrayOf}), for {@code unnest}. */
    public record SqlArray(String type, Object[] elements) {
    }

    /** An array parameter: {@code elements} as an SQL array of the PostgreSQL type {@code type}. */
    public static SqlArray array(String type, Object[] elements) {
        return new SqlArray(type, elements);
    }

    /** One column of {@code rows} as an array parameter of the PostgreSQL type {@code type}, for {@code unnest}. */
    public static <T> SqlArray column(String type, List<T> rows, Function<? super T, ?> value) {
        return new SqlArray(type, rows.stream().map(value).toArray());
    }

    /** A statement whose rows are read with {@code mapper}: {@link Results#rows(int)}. */
    public Pipeline query(String sql, RowMapper<?> mapper, Object... params) {
        return add(new Step(sql, params, mapper, null));
    }

    /** A statement whose count of changed rows is kept: {@link Results#updated(int)}. */
    public Pipeline update(String sql, Object... params) {
        return add(new Step(sql, params, null, null));
    }

    /**
     * A statement whose count of changed rows {@code check} is given once every statement has answered (it
     * throws to refuse the count): for the owner of a statement that is not the one who runs the pipeline.
     */
    public Pipeline updateChecked(String sql, IntConsumer check, Object... params) {
        return add(new Step(sql, params, null, count -> check.accept((Integer) count)));
    }

    /**
     * A statement whose rows {@code check} is given once every statement has answered, in its turn among the
     * other checks (it throws to refuse them).
     */
    @SuppressWarnings("unchecked")
    public <T> Pipeline queryChecked(String sql, RowMapper<T> mapper, Consumer<List<T>> check, Object... params) {
        return add(new Step(sql, params, mapper, rows -> check.accept((List<T>) rows)));
    }

    /** How many statements it holds: the position the next one will have. */
    public int size() {
        return steps.size();
    }

    private Pipeline add(Step step) {
        if (step.sql().contains(";")) {
            throw new IllegalArgumentException("one statement per step: " + step.sql());
        }
        steps.add(step);
        return this;
    }

    /** What each statement answered, by its position in the pipeline (from 0). */
    public static final class Results {

        private final List<Object> results;

        private Results(List<Object> results) {
            this.results = results;
        }

        @SuppressWarnings("unchecked")
        public <T> List<T> rows(int step) {
            return (List<T>) results.get(step);
        }

        public int updated(int step) {
            return (Integer) results.get(step);
        }
    }

    /** Sends every statement in one round trip on the transaction's connection and reads their answers. */
    public Results run(JdbcOperations jdbc) {
        if (steps.isEmpty()) {
            return new Results(List.of());
        }
        StringBuilder sql = new StringBuilder();
        for (Step step : steps) {
            sql.append(sql.isEmpty() ? "" : ";\n").append(step.sql());
        }
        Results results = jdbc.execute((ConnectionCallback<Results>) connection -> {
            try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
                int index = 0;
                for (Step step : steps) {
                    for (Object param : step.params()) {
                        if (param == null) {
                            // typed by the server from the statement, as a named parameter's null is
                            ps.setNull(++index, Types.OTHER);
                        } else if (param instanceof SqlArray array) {
                            ps.setArray(++index, connection.createArrayOf(array.type(), array.elements()));
                        } else {
                            ps.setObject(++index, param);
                        }
                    }
                }
                boolean isQuery = ps.execute();
                List<Object> answers = new ArrayList<>(steps.size());
                for (Step step : steps) {
                    answers.add(isQuery ? rows(ps.getResultSet(), step.mapper()) : ps.getUpdateCount());
                    isQuery = ps.getMoreResults();
                }
                return new Results(answers);
            }
        });
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).check() != null) {
                steps.get(i).check().accept(results.results.get(i));
            }
        }
        return results;
    }

    private static List<Object> rows(ResultSet rs, RowMapper<?> mapper) throws SQLException {
        if (mapper == null) {
            throw new IllegalStateException("a statement sent as an update answered rows");
        }
        List<Object> rows = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                rows.add(mapper.mapRow(rs, rows.size()));
            }
        }
        return rows;
    }
}
