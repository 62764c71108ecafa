package org.carbonsink.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {

    final WorkingDayCalendar calendar = WorkingDayCalendar.china();

    @Test
    void adjustedWorkingWeekendIsAWorkingDayAndTheSwappedWeekdayIsNot() {
        assertThat(LocalDate.of(2026, 2, 14).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).as("Monday in the Spring Festival").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 21))).as("an ordinary Saturday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 2))).as("an ordinary Monday").isTrue();
    }

    @Test
    void disclosureWindowAcrossTheSpringFestivalSkipsTheHolidayAndCountsTheWorkingSaturdays() {
        // Feb 9-13 (5), Sat 14 (6), Feb 15-23 off, Feb 24-27 (10), Sat 28 (11), Mar 2-6 (16), Mar 9-12 (20)
        WorkingDayWindow window = calendar.window(LocalDate.of(2026, 2, 9), 20);

        assertThat(window.closes()).isEqualTo(LocalDate.of(2026, 3, 12));
        assertThat(window.exact()).isTrue();
        assertThat(window.note()).isEmpty();
        assertThat(window.contains(LocalDate.of(2026, 3, 12))).isTrue();
        assertThat(window.contains(LocalDate.of(2026, 3, 13))).isFalse();
    }

    @Test
    void windowAcrossTheYearBoundaryUsesBothYearsNotices() {
        // Dec 22-26 (5), Dec 29-31 (8), Jan 1-3 off, Sun Jan 4 works (9), Jan 5-9 (14), Jan 12-16 (19), Jan 19 (20)
        WorkingDayWindow window = calendar.window(LocalDate.of(2025, 12, 22), 20);

        assertThat(window.closes()).isEqualTo(LocalDate.of(2026, 1, 19));
        assertThat(window.exact()).isTrue();
    }

    @Test
    void aYearWithoutANoticeCountsWeekendsOnlyAndSaysSo() {
        // Dec 21-25 (5), Dec 28-31 (9), then 2027 without a notice: Fri Jan 1 counts (10), Jan 4-8 (15), Jan 11-15 (20)
        WorkingDayWindow window = calendar.window(LocalDate.of(2026, 12, 21), 20);

        assertThat(window.closes()).isEqualTo(LocalDate.of(2027, 1, 15));
        assertThat(window.exact()).isFalse();
        assertThat(window.yearsWithoutNotice()).containsExactly(2027);
        assertThat(window.note()).contains("2027").contains("only weekends");
        assertThat(calendar.notice(2027)).isEmpty();
    }

    @Test
    void windowOpeningOnADayOffStartsCountingAtTheNextWorkingDay() {
        // opens on Thursday Oct 1 2026 (National Day): Oct 8 (1), Oct 9 (2), Sat Oct 10 works (3)
        WorkingDayWindow window = calendar.window(LocalDate.of(2026, 10, 1), 3);

        assertThat(window.closes()).isEqualTo(LocalDate.of(2026, 10, 10));
    }

    @Test
    void decisionDeadlineCountsWorkingDaysAfterTheFiling() {
        // filed Fri Sep 18 2026: Sun Sep 20 works (1), Sep 21-24 (5), Sep 25-27 off, Sep 28-30 (8),
        // Oct 1-7 off, Oct 8-9 (10), Sat Oct 10 (11), Oct 12-15 (15)
        WorkingDayWindow deadline = calendar.deadline(LocalDate.of(2026, 9, 18), 15);

        assertThat(deadline.closes()).isEqualTo(LocalDate.of(2026, 10, 15));
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 18), LocalDate.of(2026, 10, 15))).isEqualTo(15);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 18), LocalDate.of(2026, 10, 16))).isEqualTo(16);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 18), LocalDate.of(2026, 9, 18))).isZero();
    }

    /**
     * Each notice transcribed as it reads (its 放假 ranges and its 上班 days), independently of the
     * data file: the weekdays off and the working weekends of the year must be exactly the notice's.
     * 2022: 国办发明电〔2021〕11号; 2023: 国办发明电〔2022〕16号; 2024: 国办发明电〔2023〕7号.
     */
    @Test
    void everyWeekdayOffAndEveryWorkingWeekendOf2022To2024IsTheNoticesOwn() {
        assertNotice(2022, List.of(
                d(2022, 1, 1), d(2022, 1, 3), d(2022, 1, 31), d(2022, 2, 6), d(2022, 4, 3), d(2022, 4, 5),
                d(2022, 4, 30), d(2022, 5, 4), d(2022, 6, 3), d(2022, 6, 5), d(2022, 9, 10), d(2022, 9, 12),
                d(2022, 10, 1), d(2022, 10, 7)),
                List.of(d(2022, 1, 29), d(2022, 1, 30), d(2022, 4, 2), d(2022, 4, 24), d(2022, 5, 7), d(2022, 10, 8),
                        d(2022, 10, 9)));
        assertNotice(2023, List.of(
                d(2022, 12, 31), d(2023, 1, 2), d(2023, 1, 21), d(2023, 1, 27), d(2023, 4, 5), d(2023, 4, 5),
                d(2023, 4, 29), d(2023, 5, 3), d(2023, 6, 22), d(2023, 6, 24), d(2023, 9, 29), d(2023, 10, 6)),
                List.of(d(2023, 1, 28), d(2023, 1, 29), d(2023, 4, 23), d(2023, 5, 6), d(2023, 6, 25), d(2023, 10, 7),
                        d(2023, 10, 8)));
        // "1月1日放假，与周末连休" and "6月10日放假，与周末连休": the day itself, the weekend is off anyway
        assertNotice(2024, List.of(
                d(2024, 1, 1), d(2024, 1, 1), d(2024, 2, 10), d(2024, 2, 17), d(2024, 4, 4), d(2024, 4, 6),
                d(2024, 5, 1), d(2024, 5, 5), d(2024, 6, 10), d(2024, 6, 10), d(2024, 9, 15), d(2024, 9, 17),
                d(2024, 10, 1), d(2024, 10, 7)),
                List.of(d(2024, 2, 4), d(2024, 2, 18), d(2024, 4, 7), d(2024, 4, 28), d(2024, 5, 11), d(2024, 9, 14),
                        d(2024, 9, 29), d(2024, 10, 12)));
    }

    /** {@code offRanges}: first and last day of each 放假 range of the notice, in pairs. */
    private void assertNotice(int year, List<LocalDate> offRanges, List<LocalDate> workingWeekends) {
        Set<LocalDate> weekdaysOff = new TreeSet<>();
        for (int i = 0; i < offRanges.size(); i += 2) {
            for (LocalDate day = offRanges.get(i); !day.isAfter(offRanges.get(i + 1)); day = day.plusDays(1)) {
                if (day.getYear() == year && !weekend(day)) {
                    weekdaysOff.add(day);
                }
            }
        }
        workingWeekends.forEach(day -> assertThat(weekend(day)).as("%s is a weekend day", day).isTrue());
        Set<LocalDate> calendarWeekdaysOff = new TreeSet<>();
        Set<LocalDate> calendarWorkingWeekends = new TreeSet<>();
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
            if (weekend(day) && calendar.isWorkingDay(day)) {
                calendarWorkingWeekends.add(day);
            } else if (!weekend(day) && !calendar.isWorkingDay(day)) {
                calendarWeekdaysOff.add(day);
            }
        }
        assertThat(calendarWeekdaysOff).as("weekdays off in %d", year).containsExactlyElementsOf(weekdaysOff);
        assertThat(calendarWorkingWeekends).as("working weekends in %d", year)
                .containsExactlyElementsOf(new TreeSet<>(workingWeekends));
        assertThat(calendar.notice(year).orElseThrow().checked()).isTrue();
    }

    private static LocalDate d(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }

    private static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    @Test
    void everyPublishedYearHasItsNoticeWithTitleAndDate() {
        assertThat(calendar.yearsWithNotice()).containsExactly(2022, 2023, 2024, 2025, 2026);
        for (int year : calendar.yearsWithNotice()) {
            HolidayNotice notice = calendar.notice(year).orElseThrow();
            assertThat(notice.title()).contains(year + "年部分节假日安排");
            assertThat(notice.published()).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(notice.checked() == !notice.readAt().isBlank()).as("a checked notice says where it was read")
                    .isTrue();
        }
    }

    @Test
    void eachPublishedYearTakesItsStatutoryHolidaysOffWeekdays() {
        for (int year : calendar.yearsWithNotice()) {
            int weekdaysOff = 0;
            for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
                boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
                if (!weekend && !calendar.isWorkingDay(day)) {
                    weekdaysOff++;
                }
            }
            // 11 statutory days before 2025, 13 from 2025 (Spring Festival eve and May 2 added), plus the
            // weekdays swapped for working weekends; never fewer than the statutory days that fall on weekdays
            assertThat(weekdaysOff).as("weekdays off in %s", year).isBetween(11, 20);
        }
    }

    @Test
    void aCalendarCanBeBuiltFromOtherData() {
        var notice = new HolidayNotice(2030, true, "test notice", "", "2029-11-01", "a test");
        WorkingDayCalendar custom = WorkingDayCalendar.of(List.of(notice), List.of(LocalDate.of(2030, 1, 1)),
                List.of(LocalDate.of(2030, 1, 5)));

        assertThat(custom.isWorkingDay(LocalDate.of(2030, 1, 1))).isFalse();
        assertThat(custom.isWorkingDay(LocalDate.of(2030, 1, 5))).isTrue();
        assertThat(custom.window(LocalDate.of(2030, 1, 1), 1).closes()).isEqualTo(LocalDate.of(2030, 1, 2));
    }

    @Test
    void refusesEmptyWindows() {
        assertThatThrownBy(() -> calendar.window(LocalDate.of(2026, 1, 5), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
