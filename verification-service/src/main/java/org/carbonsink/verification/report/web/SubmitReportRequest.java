package org.carbonsink.verification.report.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.carbonsink.verification.report.SubmitReport;

/**
 * A monitoring report as the owner submits (or resubmits) it: tree strata by stand volume or sample
 * plots, soil accumulation of coastal land, and mineral soil by IPCC Tier 1, whichever the project's
 * method takes. Digits match the stored precision, so nothing is rounded silently; baseline, leakage
 * and project emissions default to zero; the relative uncertainty is needed only when not every tree
 * stratum has plots.
 */
record SubmitReportRequest(
        @NotNull UUID projectId,
        @NotNull LocalDate periodStart,
        @NotNull LocalDate periodEnd,
        @NotNull UUID verifierId,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal relativeUncertaintyPercent,
        @Size(max = 200) List<@NotNull @Valid StratumRequest> strata,
        @Size(max = 200) List<@NotNull @Valid AccumulationRequest> soilAccumulation,
        @Size(max = 200) List<@NotNull @Valid SoilCarbonRequest> soilCarbon,
        @PositiveOrZero @Digits(integer = 14, fraction = 4) BigDecimal baselineRemovals,
        @PositiveOrZero @Digits(integer = 14, fraction = 4) BigDecimal leakage,
        @PositiveOrZero @Digits(integer = 14, fraction = 4) BigDecimal projectEmissions) {

    record StratumRequest(
            @NotBlank @Size(max = 40) String species,
            @NotNull @Positive @Digits(integer = 10, fraction = 4) BigDecimal areaHectares,
            @PositiveOrZero @Digits(integer = 8, fraction = 4) BigDecimal volumeStartPerHectare,
            @PositiveOrZero @Digits(integer = 8, fraction = 4) BigDecimal volumeEndPerHectare,
            @Size(max = 40) String volumeEquation,
            @Size(max = 1000) List<@NotNull @Valid PlotRequest> plots) {

        @AssertTrue(message = "give either volumeStartPerHectare and volumeEndPerHectare, or plots")
        boolean isMeasured() {
            boolean volumes = volumeStartPerHectare != null && volumeEndPerHectare != null;
            boolean none = volumeStartPerHectare == null && volumeEndPerHectare == null;
            return plots == null ? volumes : none;
        }
    }

    /** A permanent sample plot: at each end either its stem volume (m³ in the plot) or its trees. */
    record PlotRequest(
            @NotNull @Positive @Digits(integer = 4, fraction = 4) BigDecimal areaHectares,
            @PositiveOrZero @Digits(integer = 8, fraction = 4) BigDecimal volumeStart,
            @PositiveOrZero @Digits(integer = 8, fraction = 4) BigDecimal volumeEnd,
            @Size(max = 5000) List<@NotNull @Valid TreeRequest> treesStart,
            @Size(max = 5000) List<@NotNull @Valid TreeRequest> treesEnd) {

        @AssertTrue(message = "give at each end either the plot's volume or its trees")
        boolean isMeasuredAtBothEnds() {
            return (volumeStart == null) != (treesStart == null) && (volumeEnd == null) != (treesEnd == null);
        }
    }

    record TreeRequest(
            @NotNull @Positive @Digits(integer = 4, fraction = 2) BigDecimal dbhCm,
            @NotNull @Positive @Digits(integer = 3, fraction = 2) BigDecimal heightM) {
    }

    record AccumulationRequest(
            @NotBlank @Size(max = 40) String landType,
            @NotNull @Positive @Digits(integer = 10, fraction = 4) BigDecimal areaHectares) {
    }

    record SoilCarbonRequest(
            @NotBlank @Size(max = 60) String referenceStock,
            @NotNull @Positive @Digits(integer = 10, fraction = 4) BigDecimal areaHectares,
            @NotNull @Valid PracticeRequest before,
            @NotNull @Valid PracticeRequest after) {
    }

    record PracticeRequest(@NotBlank @Size(max = 60) String landUse, @NotBlank @Size(max = 60) String management,
            @NotBlank @Size(max = 60) String input) {
    }

    SubmitReport command(UUID submittedBy) {
        return new SubmitReport(submittedBy, projectId, periodStart, periodEnd, verifierId, relativeUncertaintyPercent,
                strata == null ? List.of() : strata.stream().map(s -> new SubmitReport.MeasuredStratum(s.species(),
                        s.areaHectares(), s.volumeStartPerHectare(), s.volumeEndPerHectare(), s.volumeEquation(),
                        s.plots() == null ? null : s.plots().stream().map(SubmitReportRequest::plot).toList())).toList(),
                soilAccumulation == null ? List.of() : soilAccumulation.stream()
                        .map(a -> new SubmitReport.AccumulationClaim(a.landType(), a.areaHectares())).toList(),
                soilCarbon == null ? List.of() : soilCarbon.stream().map(s -> new SubmitReport.SoilClaim(
                        s.referenceStock(), s.areaHectares(), practice(s.before()), practice(s.after()))).toList(),
                baselineRemovals, leakage, projectEmissions);
    }

    private static SubmitReport.MeasuredPlot plot(PlotRequest p) {
        return new SubmitReport.MeasuredPlot(p.areaHectares(), p.volumeStart(), p.volumeEnd(), trees(p.treesStart()),
                trees(p.treesEnd()));
    }

    private static List<SubmitReport.MeasuredTree> trees(List<TreeRequest> trees) {
        return trees == null ? null : trees.stream().map(t -> new SubmitReport.MeasuredTree(t.dbhCm(), t.heightM())).toList();
    }

    private static SubmitReport.Practice practice(PracticeRequest p) {
        return new SubmitReport.Practice(p.landUse(), p.management(), p.input());
    }
}
