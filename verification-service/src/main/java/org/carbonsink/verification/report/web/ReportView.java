package org.carbonsink.verification.report.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.carbonsink.verification.report.Decision;
import org.carbonsink.verification.report.MonitoringReport;
import org.carbonsink.verification.report.ReportStatus;
import org.carbonsink.verification.report.ReportStratum;

/**
 * A monitoring report as disclosed. Carbon in tCO2e to four decimals (half-even), factors in tCO2e
 * per m³ to six; totals are computed before rounding, so rounded strata may not add up to the last
 * decimal.
 */
record ReportView(UUID id, UUID projectId, UUID ownerId, ReportStatus status, LocalDate periodStart,
        LocalDate periodEnd, int vintage, UUID verifierId, BigDecimal relativeUncertaintyPercent,
        List<StratumView> strata, BigDecimal baselineRemovals, BigDecimal leakage, BigDecimal projectEmissions,
        BigDecimal deltaCTree, BigDecimal netRemovals, BigDecimal deductionRate, long verifiedCredits,
        BigDecimal bufferRate, long bufferCredits, Instant submittedAt, DecisionView decision) {

    static ReportView of(MonitoringReport r) {
        return new ReportView(r.id(), r.projectId(), r.ownerId(), r.status(), r.periodStart(), r.periodEnd(),
                r.vintage(), r.verifierId(), r.relativeUncertaintyPercent(),
                r.strata().stream().map(StratumView::of).toList(), r.baselineRemovals(), r.leakage(),
                r.projectEmissions(), r.deltaCTree(), r.netRemovals(), r.deductionRate(), r.verifiedCredits(),
                r.bufferRate(), r.bufferCredits(), r.submittedAt(), r.decision().map(DecisionView::of).orElse(null));
    }

    record StratumView(String species, BigDecimal areaHectares, BigDecimal volumeStartPerHectare,
            BigDecimal volumeEndPerHectare, BigDecimal woodDensity, BigDecimal expansionFactor,
            BigDecimal rootShootRatio, BigDecimal carbonFraction, BigDecimal factor, BigDecimal carbonStart,
            BigDecimal carbonEnd, BigDecimal removals) {

        static StratumView of(ReportStratum s) {
            return new StratumView(s.species(), s.areaHectares(), s.volumeStartPerHectare(), s.volumeEndPerHectare(),
                    s.parameters().woodDensity(), s.parameters().expansionFactor(), s.parameters().rootShootRatio(),
                    s.parameters().carbonFraction(), s.factor(), s.carbonStart(), s.carbonEnd(), s.removals());
        }
    }

    record DecisionView(UUID decidedBy, Instant decidedAt, String comment) {

        static DecisionView of(Decision d) {
            return new DecisionView(d.decidedBy(), d.decidedAt(), d.comment());
        }
    }
}
