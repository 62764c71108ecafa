package org.carbonsink.verification.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.support.web.ProblemException.FieldProblem;
import org.carbonsink.verification.calculation.CalculationResult;
import org.carbonsink.verification.calculation.CalculationResult.TreeResult;
import org.carbonsink.verification.calculation.Exact;
import org.carbonsink.verification.calculation.RemovalCalculation;
import org.carbonsink.verification.project.Project;
import org.carbonsink.verification.provenance.ProvenanceCodec;
import org.springframework.stereotype.Component;

/**
 * The stock-difference method credits C(t2) − C(t1) of each monitoring period, so one period's
 * starting stock is the stock the period before it ended with (CDM AR-TOOL14; Verra: the net GHG
 * benefit is counted once). A report whose trees start below the stem volume the project's previous
 * live report ended with would credit the same growth twice (or hide a loss between the two), and
 * one that ends above what the next report starts with would do the same from the other side: both
 * are refused (422 {@code stock-continuity}, field {@code strata}). The comparison is of the total
 * stem volume (Σ area × m³/ha of the tree strata), which neither restratification nor a changed
 * parameter table alters; a stock above the previous end (growth in a gap between periods, new
 * planting) is credited to no one, which is conservative. Reports without tree strata, and rejected
 * reports, are not compared.
 */
@Component
class StockContinuity {

    private final MonitoringReports reports;

    StockContinuity(MonitoringReports reports) {
        this.reports = reports;
    }

    /** Total stem volume (m³) of a version's tree strata at the start and the end of its period. */
    record Volumes(Exact start, Exact end) {
    }

    void check(Project project, UUID except, LocalDate periodStart, LocalDate periodEnd, ReportVersion version) {
        Optional<Volumes> own = volumes(version);
        if (own.isEmpty()) {
            return;
        }
        reports.previousLive(project.id(), periodStart, except).ifPresent(previous -> volumes(previous.current())
                .filter(before -> own.get().start().compareTo(before.end()) < 0)
                .ifPresent(before -> {
                    throw refused(previous, "the trees start with " + m3(own.get().start()) + " m³, less than the "
                            + m3(before.end()) + " m³ report " + previous.id() + " (" + previous.periodStart() + " to "
                            + previous.periodEnd() + ") ended with: a period starts with the stock the period before "
                            + "it ended with (a fall in between is a loss, reported for the days it happened)");
                }));
        reports.nextLive(project.id(), periodEnd, except).ifPresent(next -> volumes(next.current())
                .filter(after -> own.get().end().compareTo(after.start()) > 0)
                .ifPresent(after -> {
                    throw refused(next, "the trees end with " + m3(own.get().end()) + " m³, more than the "
                            + m3(after.start()) + " m³ report " + next.id() + " (" + next.periodStart() + " to "
                            + next.periodEnd() + ") starts with: the same growth would be credited twice");
                }));
    }

    /** Empty when the version has no tree strata, or its provenance cannot be read back. */
    static Optional<Volumes> volumes(ReportVersion version) {
        CalculationResult result;
        try {
            result = RemovalCalculation.calculate(ProvenanceCodec.decode(version.provenance()).input());
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
        if (result.trees().isEmpty()) {
            return Optional.empty();
        }
        Exact start = Exact.ZERO;
        Exact end = Exact.ZERO;
        for (TreeResult tree : result.trees()) {
            Exact area = Exact.of(tree.stratum().areaHectares());
            start = start.plus(area.times(tree.volumeStartPerHectare()));
            end = end.plus(area.times(tree.volumeEndPerHectare()));
        }
        return Optional.of(new Volumes(start, end));
    }

    private static String m3(Exact volume) {
        return volume.decimal(4).stripTrailingZeros().toPlainString();
    }

    private static ProblemException refused(MonitoringReport other, String detail) {
        return ProblemException.rule("stock-continuity", "Stock does not continue the neighbouring report", detail)
                .with("errors", List.of(new FieldProblem("strata", "continues-neighbouring-report", detail)))
                .with("neighbouringReportId", other.id());
    }
}
