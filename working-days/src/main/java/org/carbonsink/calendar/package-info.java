/**
 * China's working-day calendar. CCER deadlines are counted in working days (温室气体自愿减排交易管理办法
 * （试行）: 20 working days of public disclosure, 15 working days for the registry's decision), and a
 * working day in China is not simply a weekday: the State Council's annual notice (国务院办公厅关于某年
 * 部分节假日安排的通知) moves days off around the public holidays and makes some Saturdays and Sundays
 * working days (调休).
 *
 * <p>The notices are data ({@code china-notices.csv}, {@code china-days.csv}), each year with its
 * source, so a new notice is a data change. A year whose notice is not in the data counts weekends
 * only, and every answer that touches such a year says so ({@link WorkingDayWindow#yearsWithoutNotice()}).
 * The calendar has no clock: callers pass dates from their own injected {@link java.time.Clock}.
 */
package org.carbonsink.calendar;
