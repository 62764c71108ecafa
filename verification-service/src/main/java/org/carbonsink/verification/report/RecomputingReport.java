package org.carbonsink.verification.report;

import java.math.RoundingMode;
import java.util.Optional;
import java.util.UUID;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.verification.calculation.CalculationResult;
import org.carbonsink.verification.calculation.RemovalCalculation;
import org.carbonsink.verification.provenance.ProvenanceCodec;
import org.springframework.stereotype.Component;

/**
 * Recomputes a report version from nothing but its stored provenance (no parameter table is read),
 * and compares hash and figures with what was stored when it was computed.
 */
@Component
public class RecomputingReport {

    private final MonitoringReports reports;

    RecomputingReport(MonitoringReports reports) {
        this.reports = reports;
    }

    /** A version's inputs as read back from its provenance, and the result computed from them. */
    public record Calculated(MonitoringReport report, ReportVersion version, ProvenanceCodec.Decoded decoded,
            CalculationResult result) {
    }

    public Recomputation recompute(UUID reportId, Integer versionNumber) {
        ReportVersion version = version(reportId, versionNumber);
        Recomputation.Figures stored = new Recomputation.Figures(version.netRemovals(), version.deductionRate(),
                version.credits(), version.bufferCredits(), version.vintages());
        String textHash = ProvenanceCodec.sha256(version.provenance());
        try {
            ProvenanceCodec.Decoded decoded = ProvenanceCodec.decode(version.provenance());
            CalculationResult result = RemovalCalculation.calculate(decoded.input());
            // at the scale the stored figures have (numeric(5,4)): the band's rate read back from the provenance
            // text has lost its trailing zeros
            Recomputation.Figures recomputed = new Recomputation.Figures(result.netRemovals().decimal(4),
                    result.deductionRate().setScale(4, RoundingMode.UNNECESSARY), result.credits(),
                    result.bufferCredits(), result.vintages());
            boolean hashMatches = version.provenanceHash().equals(textHash)
                    && version.provenanceHash().equals(decoded.provenance().hash());
            boolean resultMatches = stored.sameAs(recomputed);
            return new Recomputation(reportId, version.version(), version.provenanceHash(), textHash,
                    decoded.provenance().hash(), hashMatches, stored, recomputed, resultMatches,
                    hashMatches && resultMatches, null);
        } catch (RuntimeException unreadable) {
            return new Recomputation(reportId, version.version(), version.provenanceHash(), textHash, null,
                    false, stored, null, false, false, "the stored provenance cannot be recomputed: "
                            + unreadable.getMessage());
        }
    }

    /** The version recomputed for display (the calculation report); the provenance must be readable. */
    public Calculated calculated(UUID reportId, Integer versionNumber) {
        MonitoringReport report = reports.find(reportId)
                .orElseThrow(() -> ProblemException.notFound("monitoring report", reportId));
        ReportVersion version = version(reportId, versionNumber);
        ProvenanceCodec.Decoded decoded = ProvenanceCodec.decode(version.provenance());
        return new Calculated(report, version, decoded, RemovalCalculation.calculate(decoded.input()));
    }

    private ReportVersion version(UUID reportId, Integer versionNumber) {
        MonitoringReport report = reports.find(reportId)
                .orElseThrow(() -> ProblemException.notFound("monitoring report", reportId));
        if (versionNumber == null) {
            return report.current();
        }
        Optional<ReportVersion> found = reports.versions(reportId).stream()
                .filter(v -> v.version() == versionNumber).findFirst();
        return found.orElseThrow(() -> ProblemException.notFound("version of monitoring report " + reportId,
                versionNumber));
    }
}
