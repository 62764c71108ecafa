package org.carbonsink.verification.report.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.carbonsink.verification.calculation.CalculationResult.Flag;
import org.carbonsink.verification.calculation.Vintage;
import org.carbonsink.verification.report.ReportVersion;

/** One version of a report's contents: its provenance (canonical JSON of every input), hash and figures. */
record VersionView(int version, UUID submittedBy, Instant submittedAt, LocalDate periodStart, LocalDate periodEnd,
        String provenanceHash, String formulaVersion, String parameterVersion, BigDecimal netRemovals,
        BigDecimal relativeUncertaintyPercent, String uncertaintySource, BigDecimal deductionRate, long verifiedCredits,
        long bufferCredits, List<Vintage> vintages, List<Flag> flags, String provenance) {

    static VersionView of(ReportVersion v) {
        return new VersionView(v.version(), v.submittedBy(), v.submittedAt(), v.periodStart(), v.periodEnd(),
                v.provenanceHash(), v.formulaVersion(), v.parameterVersion(), v.netRemovals(), v.uncertaintyPercent(),
                v.uncertaintySource(), v.deductionRate(), v.credits(), v.bufferCredits(), v.vintages(), v.flags(),
                v.provenance());
    }
}
