package org.carbonsink.trading.blocktrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PriceBandTest {

    @Test
    void admitsPricesWithinTheShareOfTheReferenceBothEndsIncluded() {
        PriceBand band = new PriceBand(new BigDecimal("50.00"), new BigDecimal("0.30"));

        assertThat(band.lower()).isEqualTo(new BigDecimal("35.00"));
        assertThat(band.upper()).isEqualTo(new BigDecimal("65.00"));
        assertThat(band.admits(new BigDecimal("35.00"))).isTrue();
        assertThat(band.admits(new BigDecimal("65.00"))).isTrue();
        assertThat(band.admits(new BigDecimal("34.99"))).isFalse();
        assertThat(band.admits(new BigDecimal("65.01"))).isFalse();
    }

    @Test
    void computesTheEndsExactlyWithoutRoundingAFenIn() {
        // 33.33 × 1.3 = 43.329: a price of 43.33 is one fen too high, 43.32 is inside
        PriceBand band = new PriceBand(new BigDecimal("33.33"), new BigDecimal("0.3000"));

        assertThat(band.upper()).isEqualTo(new BigDecimal("43.329"));
        assertThat(band.admits(new BigDecimal("43.33"))).isFalse();
        assertThat(band.admits(new BigDecimal("43.32"))).isTrue();
        assertThat(band.lower()).isEqualByComparingTo("23.331");
        assertThat(band.admits(new BigDecimal("23.33"))).isFalse();
    }

    @Test
    void refusesABandThatIsNoShareOfAPositivePrice() {
        assertThatThrownBy(() -> new PriceBand(BigDecimal.ZERO, new BigDecimal("0.3")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PriceBand(BigDecimal.TEN, BigDecimal.ONE)).isInstanceOf(IllegalArgumentException.class);
    }
}
