package org.carbonsink.verification.report.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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
 * A monitoring report as the owner submits it. Digits match the stored precision, so nothing is
 * rounded silently; baseline, leakage and project emissions default to zero.
 */
record SubmitReportRequest(
        @NotNull UUID projectId,
        @NotNull LocalDate periodStart,
        @NotNull LocalDate periodEnd,
        @NotNull UUID verifierId,
        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal relativeUncertaintyPercent,
        @NotEmpty @Size(max = 200) List<@NotNull @Valid StratumRequest> strata,
        @PositiveOrZero @Digits(integer = 14, fraction = 4) BigDecimal baselineRemovals,
        @PositiveOrZero @Digits(integer = 14, fraction = 4) BigDecimal leakage,
        @PositiveOrZero @Digits(integer = 14, fraction = 4) BigDecimal projectEmissions) {

    record StratumRequest(
            @NotBlank @Size(max = 40) String species,
            @NotNull @Positive @Digits(integer = 10, fraction = 4) BigDecimal areaHectares,
            @NotNull @PositiveOrZero @Digits(integer = 8, fraction = 4) BigDecimal volumeStartPerHectare,
            @NotNull @PositiveOrZero @Digits(integer = 8, fraction = 4) BigDecimal volumeEndPerHectare) {
    }

    SubmitReport command(UUID submittedBy) {
        return new SubmitReport(submittedBy, projectId, periodStart, periodEnd, verifierId, relativeUncertaintyPercent,
                strata.stream().map(s -> new SubmitReport.MeasuredStratum(s.species(), s.areaHectares(),
                        s.volumeStartPerHectare(), s.volumeEndPerHectare())).toList(),
                orZero(baselineRemovals), orZero(leakage), orZero(projectEmissions));
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
