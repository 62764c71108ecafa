package org.carbonsink.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which days are working days in mainland China, from the State Council's holiday notices. Immutable
 * and thread-safe.
 */
public final class WorkingDayCalendar {

    private static final String NOTICES = "china-notices.csv";
    private static final String DAYS = "china-days.csv";

    private final Map<Integer, HolidayNotice> notices;
    private final Set<LocalDate> daysOff;
    private final Set<LocalDate> workingWeekendDays;

    private WorkingDayCalendar(Map<Integer, HolidayNotice> notices, Set<LocalDate> daysOff,
            Set<LocalDate> workingWeekendDays) {
        this.notices = Map.copyOf(notices);
        this.daysOff = Set.copyOf(daysOff);
        this.workingWeekendDays = Set.copyOf(workingWeekendDays);
    }

    /** The calendar of the notices shipped with this module. */
    public static WorkingDayCalendar china() {
        return Holder.CHINA;
    }

    /** A calendar of the given notices and days, e.g. a notice not yet shipped; mainly for tests. */
    public static WorkingDayCalendar of(Collection<HolidayNotice> notices, Collection<LocalDate> daysOff,
            Collection<LocalDate> workingWeekendDays) {
        Map<Integer, HolidayNotice> byYear = new HashMap<>();
        notices.forEach(n -> byYear.put(n.year(), n));
        return new WorkingDayCalendar(byYear, new HashSet<>(daysOff), new HashSet<>(workingWeekendDays));
    }

    /** Whether the notice for {@code year} is in the calendar. */
    public Optional<HolidayNotice> notice(int year) {
        return Optional.ofNullable(notices.get(year));
    }

    /** The years whose notices are in the calendar, in order. */
    public List<Integer> yearsWithNotice() {
        return List.copyOf(new TreeSet<>(notices.keySet()));
    }

    public boolean isWorkingDay(LocalDate day) {
        if (workingWeekendDays.contains(day)) {
            return true;
        }
        if (daysOff.contains(day)) {
            return false;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }

    /**
     * The window of {@code workingDays} working days that opens on {@code opens}: the opening day
     * counts when it is a working day; otherwise counting starts at the next working day.
     */
    public WorkingDayWindow window(LocalDate opens, int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("a window has at least 1 working day, not " + workingDays);
        }
        LocalDate day = opens;
        int counted = isWorkingDay(day) ? 1 : 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return new WorkingDayWindow(opens, day, workingDays, yearsWithoutNotice(opens, day));
    }

    /**
     * The working days after {@code from} up to and including {@code to}; zero when {@code to} is
     * not after {@code from}. A 15-working-day deadline from a filing on day F is missed on the
     * first day D with {@code workingDaysBetween(F, D) > 15}.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The date on which {@code workingDays} working days after {@code from} have passed: the
     * {@code workingDays}-th working day after {@code from} ({@code from} itself not counted).
     */
    public WorkingDayWindow deadline(LocalDate from, int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("a deadline is at least 1 working day away, not " + workingDays);
        }
        LocalDate day = from;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return new WorkingDayWindow(from.plusDays(1), day, workingDays, yearsWithoutNotice(from, day));
    }

    private List<Integer> yearsWithoutNotice(LocalDate first, LocalDate last) {
        List<Integer> missing = new ArrayList<>();
        for (int year = first.getYear(); year <= last.getYear(); year++) {
            if (!notices.containsKey(year)) {
                missing.add(year);
            }
        }
        return missing;
    }

    private static final class Holder {
        static final WorkingDayCalendar CHINA = load();
    }

    private static WorkingDayCalendar load() {
        Map<Integer, HolidayNotice> notices = new HashMap<>();
        for (String[] row : rows(NOTICES, 6)) {
            int year = Integer.parseInt(row[0]);
            notices.put(year, new HolidayNotice(year, "yes".equals(row[1]), row[2], row[3], row[4], row[5]));
        }
        Set<LocalDate> off = new HashSet<>();
        Set<LocalDate> work = new HashSet<>();
        for (String[] row : rows(DAYS, 4)) {
            LocalDate first = LocalDate.parse(row[0]);
            LocalDate last = LocalDate.parse(row[1]);
            Set<LocalDate> target = switch (row[2]) {
                case "OFF" -> off;
                case "WORK" -> work;
                default -> throw new IllegalStateException(DAYS + ": kind is OFF or WORK, not " + row[2]);
            };
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                if (!target.add(day)) {
                    throw new IllegalStateException(DAYS + ": " + day + " is listed twice");
                }
            }
        }
        Set<LocalDate> both = new HashSet<>(off);
        both.retainAll(work);
        if (!both.isEmpty()) {
            throw new IllegalStateException(DAYS + ": days both off and working: " + both);
        }
        return new WorkingDayCalendar(notices, off, work);
    }

    private static List<String[]> rows(String resource, int columns) {
        InputStream in = WorkingDayCalendar.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing calendar data " + resource);
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] row = line.split("\\|", -1);
                if (row.length != columns) {
                    throw new IllegalStateException(resource + ": " + columns + " columns expected in: " + line);
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
