package org.carbonsink.verification.calculation;

import java.time.LocalDate;

/** The credits of one calendar year of the period, {@code from} to {@code to} inclusive; {@code bufferCredits} of them go to the buffer pool. */
public record Vintage(int year, LocalDate from, LocalDate to, long days, long credits, long bufferCredits) {
}
