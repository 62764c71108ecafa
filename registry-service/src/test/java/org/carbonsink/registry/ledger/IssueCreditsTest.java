package org.carbonsink.registry.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.carbonsink.registry.ledger.IssueCredits.VintageCredits;
import org.junit.jupiter.api.Test;

/** What is left to issue of a report once part of it made a loss good (Verra: the excess over the loss is issued). */
class IssueCreditsTest {

    private static final BigDecimal TEN_PERCENT = new BigDecimal("0.1000");

    /** The domain example's vintages: 7,150 credits over 2021 to 2025, buffers ceil(10%) per vintage. */
    private static IssueCredits report() {
        return new IssueCredits(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 7150, 716, List.of(
                new VintageCredits(2025, 1430, 143), new VintageCredits(2021, 1429, 143),
                new VintageCredits(2022, 1429, 143), new VintageCredits(2023, 1429, 143),
                new VintageCredits(2024, 1433, 144)));
    }

    @Test
    void nothingMadeGoodLeavesTheVintagesAsVerified() {
        IssueCredits report = report();
        assertThat(report.afterMakingGood(0, TEN_PERCENT)).isEqualTo(report.vintages());
    }

    @Test
    void theLossComesOffTheOldestVintagesFirstAndThePartLeftGivesItsOwnBufferShare() {
        // a loss of 2,000: 2021 goes whole (1,429), 571 of 2022 -> 858 left, buffer ceil(85.8) = 86
        assertThat(report().afterMakingGood(2000, TEN_PERCENT)).containsExactly(
                new VintageCredits(2022, 858, 86), new VintageCredits(2023, 1429, 143),
                new VintageCredits(2024, 1433, 144), new VintageCredits(2025, 1430, 143));
    }

    @Test
    void aLossTheSizeOfWholeVintagesLeavesTheRestUntouched() {
        assertThat(report().afterMakingGood(1429 + 1429, TEN_PERCENT)).containsExactly(
                new VintageCredits(2023, 1429, 143), new VintageCredits(2024, 1433, 144),
                new VintageCredits(2025, 1430, 143));
    }

    @Test
    void oneCreditLeftStillGivesItsBufferShareRoundedUp() {
        // 7,149 made good: one credit of 2025 is left, ceil(0.1) = 1 of it to the buffer
        assertThat(report().afterMakingGood(7149, TEN_PERCENT)).containsExactly(new VintageCredits(2025, 1, 1));
        assertThat(report().afterMakingGood(7150, TEN_PERCENT)).isEmpty();
    }
}
