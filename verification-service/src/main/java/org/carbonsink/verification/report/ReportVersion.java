package org.carbonsink.verification.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.carbonsink.verification.calculation.CalculationResult.Flag;
import org.carbonsink.verification.calculation.Vintage;

/**
 * One version of a report's contents: its provenance (canonical JSON of every input, and the SHA-256
 * over it) and the figures computed from it. {@code netRemovals} is shown to 4 decimals; the credits
 * are the floor of the exact value. {@code lossCredits} is the loss of a version whose net is
 * negative, the ceiling of the exact −net (it then has no credits); 0 otherwise.
 */
public record ReportVersion(int version, UUID submittedBy, Instant submittedAt, LocalDate periodStart,
        LocalDate periodEnd, String provenance, String provenanceHash, String formulaVersion, String parameterVersion,
        BigDecimal netRemovals, BigDecimal uncertaintyPercent, String uncertaintySource, BigDecimal deductionRate,
        long credits, long bufferCredits, List<Vintage> vintages, List<Flag> flags, long lossCredits) {

    public ReportVersion {
        vintages = List.copyOf(vintages);
        flags = List.copyOf(flags);
    }
}
