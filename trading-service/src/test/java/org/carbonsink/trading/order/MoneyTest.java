package org.carbonsink.trading.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.carbonsink.support.web.ProblemException;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void aPriceBecomesWholeFenExactly() {
        assertThat(Money.fen(new BigDecimal("85.5"), "limitPrice")).isEqualTo(8550);
        assertThat(Money.fen(new BigDecimal("0.01"), "limitPrice")).isEqualTo(1);
        assertThat(Money.fen(new BigDecimal("12.300"), "limitPrice")).as("trailing zeros are not fractions of a fen")
                .isEqualTo(1230);
        assertThat(Money.of(8550)).isEqualByComparingTo("85.50");
        assertThat(Money.of(8550).scale()).isEqualTo(2);
    }

    @Test
    void fractionsOfAFenAreRefusedNamingTheFieldNotRounded() {
        assertThatThrownBy(() -> Money.fen(new BigDecimal("1.234"), "limitPrice"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.getMessage()).startsWith("limitPrice");
                });
    }

    @Test
    void aValueBeyondWhatALongHoldsIsRefusedNotWrapped() {
        assertThatThrownBy(() -> Money.times(1_000_000_000L, 100_000_000_000L))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.slug()).isEqualTo("order-value-too-large"));
        assertThat(Money.times(1_000_000_000L, 1_000_000_000L)).isEqualTo(1_000_000_000_000_000_000L);
    }

    @Test
    void fenAsTextIsTheBigDecimalsText() {
        Random random = new Random(20261202);
        List<Long> values = new ArrayList<>(List.of(0L, 1L, -1L, 5L, -5L, 10L, 99L, 100L, 101L, 1234L, -1234L,
                Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1));
        for (int i = 0; i < 10_000; i++) {
            values.add(random.nextLong() >> random.nextInt(64));
        }
        for (long fen : values) {
            assertThat(Money.text(fen)).as("%d fen", fen).isEqualTo(Money.of(fen).toString());
        }
    }
}
