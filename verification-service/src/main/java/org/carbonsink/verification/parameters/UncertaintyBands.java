package org.carbonsink.verification.parameters;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The uncertainty deduction bands table. */
@Repository
public class UncertaintyBands {

    private final JdbcClient jdbc;

    UncertaintyBands(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Band> all() {
        return jdbc.sql("select upper_percent, deduction_rate, source from uncertainty_band order by upper_percent")
                .query(Band.class).list();
    }

    public record Band(BigDecimal upperPercent, BigDecimal deductionRate, String source) {
    }
}
