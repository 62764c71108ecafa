package org.carbonsink.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * A period of {@code workingDays} working days: it opens on {@code opens} and its last working day
 * is {@code closes} (inclusive). {@code yearsWithoutNotice} lists the years the period touches for
 * which no holiday notice is in the data: there only weekends were skipped, so the real end may be
 * later once the notice is published.
 */
public record WorkingDayWindow(LocalDate opens, LocalDate closes, int workingDays, List<Integer> yearsWithoutNotice) {

    public WorkingDayWindow {
        yearsWithoutNotice = List.copyOf(yearsWithoutNotice);
    }

    /** Whether the whole window was computed from published notices. */
    public boolean exact() {
        return yearsWithoutNotice.isEmpty();
    }

    /** Whether {@code day} lies within the window (from {@code opens} to {@code closes}, inclusive). */
    public boolean contains(LocalDate day) {
        return !day.isBefore(opens) && !day.isAfter(closes);
    }

    /** A sentence for a response: empty when exact, otherwise which years counted weekends only. */
    public String note() {
        return exact() ? "" : "no State Council holiday notice in the calendar for " + yearsWithoutNotice
                + ": only weekends were skipped there, so the deadline may move when the notice is published";
    }
}
