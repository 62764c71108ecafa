package org.carbonsink.verification.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bands of docs/domain.md [V]: up to 10% none, to 20% 6%, to 30% 11%, above 30% not accepted. */
class UncertaintyDeductionTest {

    final UncertaintyDeduction deduction = new UncertaintyDeduction(List.of(
            band("30", "0.11"), band("10", "0.00"), band("20", "0.06")));

    @ParameterizedTest(name = "{0}% -> {1}")
    @CsvSource({ "0, 0.00", "10, 0.00", "10.01, 0.06", "20, 0.06", "20.5, 0.11", "30, 0.11" })
    void deductsByBand(String percent, String rate) {
        assertThat(deduction.rateFor(new BigDecimal(percent))).get().isEqualTo(new BigDecimal(rate));
    }

    @Test
    void refusesAboveThirtyPercent() {
        assertThat(deduction.rateFor(new BigDecimal("30.01"))).isEmpty();
        assertThat(deduction.maximumPercent()).contains(new BigDecimal("30"));
    }

    private static UncertaintyBand band(String upper, String rate) {
        return new UncertaintyBand(new BigDecimal(upper), new BigDecimal(rate));
    }
}
