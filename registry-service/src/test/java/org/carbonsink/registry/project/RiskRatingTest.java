package org.carbonsink.registry.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RiskRatingTest {

    @Test
    void theBufferShareIsTheRiskRatingButNeverBelowThePolicyOrTenPercent() {
        assertThat(rating("6", "2", "4").bufferRate(new BigDecimal("0.10"))).isEqualByComparingTo("0.12");
        assertThat(rating("2", "2", "2").bufferRate(new BigDecimal("0.15"))).isEqualByComparingTo("0.15");
        assertThat(rating("1", "1", "1").bufferRate(BigDecimal.ZERO)).isEqualByComparingTo("0.10");
        assertThat(rating("12.25", "10.5", "7.75").bufferRate(new BigDecimal("0.10"))).isEqualByComparingTo("0.3050");
        assertThat(rating("12.25", "10.5", "7.75").bufferRate(new BigDecimal("0.10")).scale()).isEqualTo(4);
    }

    private static RiskRating rating(String internal, String external, String natural) {
        return new RiskRating(new BigDecimal(internal), new BigDecimal(external), new BigDecimal(natural));
    }
}
