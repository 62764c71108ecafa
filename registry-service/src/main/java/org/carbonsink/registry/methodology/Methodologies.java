package org.carbonsink.registry.methodology;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Methodologies {

    private static final String COLUMNS = "code, version, name, name_zh, sector, ecosystem_types, status, "
            + "crediting_period_min_years, crediting_period_max_years, buffer_rate, calculation_method, "
            + "overlap_tolerance_hectares, source";

    private final JdbcClient jdbc;

    Methodologies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Methodology> find(String code) {
        return jdbc.sql("select " + COLUMNS + " from methodology where code = :code").param("code", code)
                .query(Methodologies::map).optional();
    }

    public List<Methodology> all(Methodology.Status status) {
        return jdbc.sql("select " + COLUMNS + " from methodology where (cast(:status as text) is null or status = :status) order by code")
                .param("status", status == null ? null : status.name())
                .query(Methodologies::map).list();
    }

    void update(String code, Methodology.Status status, BigDecimal bufferRate) {
        jdbc.sql("update methodology set status = :status, buffer_rate = :rate where code = :code")
                .param("status", status.name()).param("rate", bufferRate).param("code", code).update();
    }

    private static Methodology map(ResultSet rs, int row) throws SQLException {
        Array types = rs.getArray("ecosystem_types");
        return new Methodology(rs.getString("code"), rs.getString("version"), rs.getString("name"),
                rs.getString("name_zh"), rs.getString("sector"), Arrays.asList((String[]) types.getArray()),
                Methodology.Status.valueOf(rs.getString("status")),
                (Integer) rs.getObject("crediting_period_min_years"), (Integer) rs.getObject("crediting_period_max_years"),
                rs.getBigDecimal("buffer_rate"), rs.getString("calculation_method"),
                rs.getBigDecimal("overlap_tolerance_hectares"), rs.getString("source"));
    }
}
