package org.carbonsink.registry.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProjectCalendarTest {

    private static ProjectRules rules(Duration shortenedTo) {
        return new ProjectRules(null, null, null, null, null, null, null, shortenedTo);
    }

    private static ProjectCalendar at(String instant, Duration shortenedTo) {
        return new ProjectCalendar(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), rules(shortenedTo));
    }

    @Test
    void todayIsTheDateInBeijing() {
        assertThat(at("2026-12-31T15:59:59Z", null).today()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(at("2026-12-31T16:00:00Z", null).today()).isEqualTo(LocalDate.of(2027, 1, 1));
    }

    /**
     * 2026-09-28 (Monday): the National Day holiday (1-7 October 2026 off) lies inside the 20 working
     * days, so the window ends later than four plain weeks would (2026-10-23).
     */
    @Test
    void theDisclosureCountsTwentyWorkingDaysSkippingTheHolidays() {
        Project.Disclosure window = at("2026-09-28T02:00:00Z", null).disclosureFromToday();

        assertThat(window.opens()).isEqualTo(LocalDate.of(2026, 9, 28));
        assertThat(window.closes()).isAfter(LocalDate.of(2026, 10, 23));
        assertThat(window.note()).isEmpty();
        assertThat(window.endsAt()).isNull();
        assertThat(window.open(window.closes(), Instant.parse("2026-10-30T00:00:00Z"))).isTrue();
        assertThat(window.over(window.closes(), Instant.parse("2026-10-30T00:00:00Z"))).isFalse();
        assertThat(window.over(window.closes().plusDays(1), Instant.parse("2026-10-31T00:00:00Z"))).isTrue();
    }

    @Test
    void aWindowIntoAYearWithoutANoticeSaysSo() {
        Project.Disclosure window = at("2099-12-10T02:00:00Z", null).disclosureFromToday();
        Project.Deadline due = at("2099-12-20T02:00:00Z", null).decisionDueFromToday();

        assertThat(window.note()).contains("2099");
        assertThat(due.note()).contains("2100");
    }

    @Test
    void aShortenedDisclosureEndsAtItsInstant() {
        Project.Disclosure window = at("2026-12-01T02:00:00Z", Duration.ofSeconds(30)).disclosureFromToday();

        assertThat(window.endsAt()).isEqualTo(Instant.parse("2026-12-01T02:00:30Z"));
        assertThat(window.note()).contains("shortened", "20 working days");
        assertThat(window.open(LocalDate.of(2026, 12, 1), Instant.parse("2026-12-01T02:00:29Z"))).isTrue();
        assertThat(window.over(LocalDate.of(2026, 12, 1), Instant.parse("2026-12-01T02:00:30Z"))).isTrue();
    }
}
