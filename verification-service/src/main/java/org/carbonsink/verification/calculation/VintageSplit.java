package org.carbonsink.verification.calculation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a report's credits by calendar year of removal (docs/domain.md, "Vintage"): each year but
 * the last gets floor(credits · days in that year / days in the period), the last year the remainder,
 * so the parts add up exactly; each vintage's buffer is ceil(its credits · buffer rate), so the
 * report's buffer is the sum of the vintages' buffers (which may exceed ceil(credits · rate) by less
 * than one credit per vintage: conservative).
 */
public final class VintageSplit {

    private VintageSplit() {
    }

    /** The vintages of the period {@code start}..{@code end} (inclusive). */
    public static List<Vintage> split(long credits, BigDecimal bufferRate, LocalDate start, LocalDate end) {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("period ends before it starts: " + start + " to " + end);
        }
        if (credits < 0) {
            throw new IllegalArgumentException("credits must not be negative: " + credits);
        }
        long totalDays = ChronoUnit.DAYS.between(start, end) + 1;
        Exact rate = Exact.of(bufferRate);
        List<Vintage> vintages = new ArrayList<>();
        long given = 0;
        for (int year = start.getYear(); year <= end.getYear(); year++) {
            LocalDate from = year == start.getYear() ? start : LocalDate.of(year, 1, 1);
            LocalDate to = year == end.getYear() ? end : LocalDate.of(year, 12, 31);
            long days = ChronoUnit.DAYS.between(from, to) + 1;
            long share = year == end.getYear() ? credits - given
                    : BigInteger.valueOf(credits).multiply(BigInteger.valueOf(days))
                            .divide(BigInteger.valueOf(totalDays)).longValueExact();
            given += share;
            long buffer = Exact.of(share).times(rate).ceiling().longValueExact();
            vintages.add(new Vintage(year, from, to, days, share, buffer));
        }
        return vintages;
    }
}
