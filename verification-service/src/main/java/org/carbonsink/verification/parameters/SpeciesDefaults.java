package org.carbonsink.verification.parameters;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.carbonsink.verification.calculation.SpeciesFactors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The species parameter table. */
@Repository
public class SpeciesDefaults {

    private final JdbcClient jdbc;

    SpeciesDefaults(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SpeciesParameters> all() {
        return jdbc.sql("select * from species_parameters order by code").query(SpeciesDefaults::species).list();
    }

    private static SpeciesParameters species(ResultSet rs, int row) throws SQLException {
        return new SpeciesParameters(rs.getString("code"), rs.getString("name"),
                new SpeciesFactors(rs.getBigDecimal("wood_density"), rs.getBigDecimal("expansion_factor"),
                        rs.getBigDecimal("root_shoot_ratio"), rs.getBigDecimal("carbon_fraction")),
                rs.getString("source"));
    }
}
