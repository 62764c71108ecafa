package org.carbonsink.calendar;

/**
 * The State Council notice that fixes one year's days off and adjusted working days.
 * {@code checked} says whether the data was compared with the notice's text; {@code readAt} says
 * where (empty when not checked).
 */
public record HolidayNotice(int year, boolean checked, String title, String documentNumber, String published,
        String readAt) {
}
