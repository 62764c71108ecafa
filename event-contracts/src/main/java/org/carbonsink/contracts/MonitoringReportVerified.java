package org.carbonsink.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A verifier approved a monitoring report. {@code netRemovals} is the computed removal in tCO2e
 * (four decimals, for display); {@code verifiedCredits} is the whole number of credits it supports
 * after the uncertainty deduction (the floor of the exact value); of those, {@code bufferCredits} go
 * to the buffer pool and the rest to the owner.
 *
 * <p>{@code vintages} splits the credits by calendar year of removal (domain.md, "Vintage"): the
 * parts' {@code credits} add up to {@code verifiedCredits} and their {@code bufferCredits} to
 * {@code bufferCredits}. The registry issues one block set per vintage, exactly once per report and
 * vintage. A producer that predates the split sends an empty list; the registry then issues
 * everything under {@code vintage}. {@code provenanceHash} is the SHA-256 (hex) over the canonical
 * form of every input of the calculation, or null from such a producer.
 *
 * <p>{@code lossCredits}: a verified report whose net removals are negative (the carbon stock fell)
 * supports no credits; it carries the loss in whole tCO2e, rounded up from the exact net
 * (conservative: a fraction of a tonne lost counts as a tonne), with {@code verifiedCredits} and
 * {@code bufferCredits} 0 and no vintages. The registry records it as a reversal of the project
 * (domain.md, "Non-permanence and buffer"). 0 for every report with no loss, and read as 0 from a
 * producer that predates it.
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
        long bufferCredits,
        List<VintageCredits> vintages,
        String provenanceHash,
        Long lossCredits) {

    public MonitoringReportVerified {
        vintages = vintages == null ? List.of() : List.copyOf(vintages);
        lossCredits = lossCredits == null ? 0L : lossCredits;
    }

    /** The form before the loss: a report with credits to issue. */
    public MonitoringReportVerified(UUID eventId, Instant occurredAt, UUID reportId, UUID projectId, UUID ownerId,
            UUID verifierId, LocalDate periodStart, LocalDate periodEnd, int vintage, BigDecimal netRemovals,
            long verifiedCredits, long bufferCredits, List<VintageCredits> vintages, String provenanceHash) {
        this(eventId, occurredAt, reportId, projectId, ownerId, verifierId, periodStart, periodEnd, vintage,
                netRemovals, verifiedCredits, bufferCredits, vintages, provenanceHash, 0L);
    }

    /** The form before the vintage split: everything under one vintage, no provenance hash. */
    public MonitoringReportVerified(UUID eventId, Instant occurredAt, UUID reportId, UUID projectId, UUID ownerId,
            UUID verifierId, LocalDate periodStart, LocalDate periodEnd, int vintage, BigDecimal netRemovals,
            long verifiedCredits, long bufferCredits) {
        this(eventId, occurredAt, reportId, projectId, ownerId, verifierId, periodStart, periodEnd, vintage,
                netRemovals, verifiedCredits, bufferCredits, List.of(), null, 0L);
    }

    /**
     * The credits of one vintage: the removals of the days {@code from} to {@code to} (inclusive)
     * of calendar year {@code vintage}; {@code bufferCredits} of {@code credits} go to the buffer pool.
     */
    public record VintageCredits(int vintage, LocalDate from, LocalDate to, long credits, long bufferCredits) {
    }
}
