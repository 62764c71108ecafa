package org.carbonsink.verification.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** docs/domain.md, "Vintage": split by days, the last year takes the remainder, the buffer per vintage. */
class VintageSplitTest {

    /**
     * 1,000 credits over 2021-07-01..2023-06-30 (730 days: 184, 365, 181): floor(1000 · 184 / 730) = 252,
     * floor(1000 · 365 / 730) = 500, and 248 remain; buffers at 10% ceil(25.2) = 26, 50, ceil(24.8) = 25.
     */
    @Test
    void splitsByDaysWithTheRemainderInTheLastYear() {
        List<Vintage> vintages = VintageSplit.split(1000, new BigDecimal("0.10"), LocalDate.of(2021, 7, 1),
                LocalDate.of(2023, 6, 30));

        assertThat(vintages).containsExactly(
                new Vintage(2021, LocalDate.of(2021, 7, 1), LocalDate.of(2021, 12, 31), 184, 252, 26),
                new Vintage(2022, LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31), 365, 500, 50),
                new Vintage(2023, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 6, 30), 181, 248, 25));
    }

    @Test
    void aPeriodWithinOneYearIsOneVintage() {
        assertThat(VintageSplit.split(7, new BigDecimal("0.15"), LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31)))
                .containsExactly(new Vintage(2024, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31), 31, 7, 2));
    }

    @Property
    void thePartsAddUpExactlyAndEachBufferIsTheCeilingOfItsShare(@ForAll @LongRange(min = 0, max = 10_000_000) long credits,
            @ForAll @IntRange(min = 0, max = 3000) int startOffset, @ForAll @IntRange(min = 0, max = 3650) int length,
            @ForAll @IntRange(min = 0, max = 9999) int bufferBasisPoints) {
        LocalDate start = LocalDate.of(2020, 9, 22).plusDays(startOffset);
        LocalDate end = start.plusDays(length);
        BigDecimal rate = BigDecimal.valueOf(bufferBasisPoints, 4);

        List<Vintage> vintages = VintageSplit.split(credits, rate, start, end);

        assertThat(vintages.stream().mapToLong(Vintage::credits).sum()).isEqualTo(credits);
        assertThat(vintages.stream().mapToLong(Vintage::days).sum()).isEqualTo(length + 1L);
        assertThat(vintages).allSatisfy(v -> {
            assertThat(v.credits()).isNotNegative();
            assertThat(v.bufferCredits()).isEqualTo(Exact.of(v.credits()).times(Exact.of(rate)).ceiling().longValueExact());
            assertThat(v.from().getYear()).isEqualTo(v.year());
            assertThat(v.to().getYear()).isEqualTo(v.year());
        });
        assertThat(vintages.get(0).from()).isEqualTo(start);
        assertThat(vintages.get(vintages.size() - 1).to()).isEqualTo(end);
    }
}
