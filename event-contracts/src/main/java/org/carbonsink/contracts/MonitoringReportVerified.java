package org.carbonsink.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A verifier approved a monitoring report. {@code netRemovals} is the computed removal in tCO2e
 * (four decimals); {@code verifiedCredits} is the whole number of credits it supports after the
 * uncertainty deduction; of those, {@code bufferCredits} go to the buffer pool and the rest to the
 * owner. The registry issues exactly {@code verifiedCredits}, once per report.
 */
public record MonitoringReportVerified(
        UUID eventId,
        Instant occurredAt,
        UUID reportId,
        UUID projectId,
        UUID ownerId,
        UUID verifierId,
        LocalDate periodStart,
        LocalDate periodEnd,
        int vintage,
        BigDecimal netRemovals,
        long verifiedCredits,
        long bufferCredits) {
}
