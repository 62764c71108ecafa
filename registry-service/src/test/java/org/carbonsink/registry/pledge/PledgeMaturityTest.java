package org.carbonsink.registry.pledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PledgeMaturityTest {

    private static final LocalDate MATURITY = LocalDate.of(2028, 6, 30);

    private final Pledge pledge = new Pledge(UUID.randomUUID(), Pledge.Kind.CREDITS, UUID.randomUUID(),
            UUID.randomUUID(), UUID.randomUUID(), "Bank", UUID.randomUUID(), UUID.randomUUID(), "P000001", 2024, 100,
            100, 0, 0, 0, 0, new LoanTerms("L-1", new BigDecimal("1000.00"), "CNY", MATURITY), Pledge.State.ACTIVE,
            null, null, null, Instant.parse("2026-01-01T00:00:00Z"), null, null);

    @Test
    void theLoanIsDueFromItsMaturityDateOnThatDayIncluded() {
        assertThat(pledge.matured(MATURITY.minusDays(1))).isFalse();
        assertThat(pledge.matured(MATURITY)).isTrue();
        assertThat(pledge.matured(MATURITY.plusDays(1))).isTrue();
    }
}
