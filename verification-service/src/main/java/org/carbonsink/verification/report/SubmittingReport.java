package org.carbonsink.verification.report;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.support.web.ProblemException.FieldProblem;
import org.carbonsink.verification.calculation.RemovalCalculation;
import org.carbonsink.verification.calculation.Removals;
import org.carbonsink.verification.calculation.Stratum;
import org.carbonsink.verification.calculation.StratumRemovals;
import org.carbonsink.verification.parameters.SpeciesDefaults;
import org.carbonsink.verification.parameters.SpeciesParameters;
import org.carbonsink.verification.parameters.UncertaintyBands;
import org.carbonsink.verification.project.Project;
import org.carbonsink.verification.project.Projects;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The owner submits a monitoring report; its removals are computed at once and it waits for the verifier. */
@Component
public class SubmittingReport {

    /** CCER issuance check: only removals generated after 2020-09-22 are eligible. */
    static final LocalDate FIRST_ELIGIBLE_DAY = LocalDate.of(2020, 9, 22);

    private final Projects projects;
    private final MonitoringReports reports;
    private final SpeciesDefaults species;
    private final UncertaintyBands uncertaintyBands;
    private final Clock clock;

    SubmittingReport(Projects projects, MonitoringReports reports, SpeciesDefaults species,
            UncertaintyBands uncertaintyBands, Clock clock) {
        this.projects = projects;
        this.reports = reports;
        this.species = species;
        this.uncertaintyBands = uncertaintyBands;
        this.clock = clock;
    }

    @Transactional
    public MonitoringReport submit(SubmitReport command) {
        checkPeriod(command);
        Project project = projects.lock(command.projectId()).orElseThrow(() -> new ProblemException(
                HttpStatus.NOT_FOUND, "project-not-registered", "Project not registered",
                "project " + command.projectId() + " is not registered; reports are accepted only for projects "
                        + "the registry has registered"));
        if (!project.ownerId().equals(command.submittedBy())) {
            throw ProblemException.forbidden("only the owner of project " + project.code() + " may submit its reports");
        }
        // Independence: the owner cannot verify its own report.
        if (command.verifierId().equals(project.ownerId())) {
            throw rule("verifier-is-owner", "Owner cannot verify", "verifierId", "verifier-not-owner",
                    "the verifier must be an independent body, not the owner of project " + project.code());
        }
        // CCER: a report is verified by a body other than the one that validated the project.
        if (project.validatedBy(command.verifierId())) {
            throw rule("verifier-validated-project", "Verifier validated the project", "verifierId",
                    "verifier-not-validator", "the verifier validated project " + project.code()
                            + " and may not verify its reports");
        }
        Map<String, SpeciesParameters> parameters = speciesOf(command);
        checkArea(command, project);
        BigDecimal deductionRate = deductionFor(command.relativeUncertaintyPercent());
        Optional<UUID> overlapping = reports.overlapping(project.id(), command.periodStart(), command.periodEnd());
        if (overlapping.isPresent()) {
            throw new ProblemException(HttpStatus.CONFLICT, "overlapping-period", "Period already reported",
                    "report " + overlapping.get() + " of project " + project.code() + " already covers part of "
                            + command.periodStart() + " to " + command.periodEnd())
                    .with("errors", List.of(new FieldProblem("periodStart", "no-overlap",
                            "the period overlaps report " + overlapping.get())))
                    .with("overlappingReportId", overlapping.get());
        }

        List<Stratum> strata = command.strata().stream().map(s -> new Stratum(s.species(),
                parameters.get(s.species()).factors(), s.areaHectares(), s.volumeStartPerHectare(),
                s.volumeEndPerHectare())).toList();
        Removals removals = RemovalCalculation.calculate(strata, command.baselineRemovals(), command.leakage(),
                command.projectEmissions(), deductionRate, project.bufferRate());

        MonitoringReport report = new MonitoringReport(UUID.randomUUID(), project.id(), project.ownerId(),
                command.verifierId(), command.periodStart(), command.periodEnd(), command.relativeUncertaintyPercent(),
                command.baselineRemovals(), command.leakage(), command.projectEmissions(),
                removals.strata().stream().map(SubmittingReport::stratum).toList(), removals.deltaCTree(),
                removals.netRemovals(), removals.deductionRate(), removals.verifiedCredits(), removals.bufferRate(),
                removals.bufferCredits(), ReportStatus.SUBMITTED, now(), Optional.empty());
        reports.add(report);
        return report;
    }

    private void checkPeriod(SubmitReport command) {
        List<FieldProblem> problems = new ArrayList<>();
        if (command.periodStart().isBefore(FIRST_ELIGIBLE_DAY)) {
            problems.add(new FieldProblem("periodStart", "on-or-after-2020-09-22",
                    "must be on or after 2020-09-22: CCER credits only removals generated after that day"));
        }
        if (!command.periodEnd().isAfter(command.periodStart())) {
            problems.add(new FieldProblem("periodEnd", "after-period-start", "must be after periodStart"));
        }
        LocalDate today = LocalDate.now(clock);
        if (command.periodEnd().isAfter(today)) {
            problems.add(new FieldProblem("periodEnd", "not-in-future",
                    "must not be in the future (today is " + today + ")"));
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                    String.join("; ", problems.stream().map(p -> p.field() + " " + p.message()).toList()))
                    .with("errors", problems);
        }
    }

    private Map<String, SpeciesParameters> speciesOf(SubmitReport command) {
        Map<String, SpeciesParameters> known = species.byCode(
                command.strata().stream().map(SubmitReport.MeasuredStratum::species).distinct().toList());
        List<FieldProblem> unknown = new ArrayList<>();
        for (int i = 0; i < command.strata().size(); i++) {
            String code = command.strata().get(i).species();
            if (!known.containsKey(code)) {
                unknown.add(new FieldProblem("strata[" + i + "].species", "known-species",
                        "'" + code + "' is not a species with parameters (see GET /species)"));
            }
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.rule("unknown-species", "Unknown species",
                    "no parameters for " + unknown.size() + " stratum species; see GET /species").with("errors", unknown);
        }
        return known;
    }

    private static void checkArea(SubmitReport command, Project project) {
        BigDecimal total = command.strata().stream().map(SubmitReport.MeasuredStratum::areaHectares)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(project.areaHectares()) > 0) {
            throw rule("strata-exceed-project-area", "Strata larger than the project", "strata",
                    "area-within-project", "the strata cover " + total.toPlainString() + " ha, more than the "
                            + project.areaHectares().toPlainString() + " ha of project " + project.code());
        }
    }

    private BigDecimal deductionFor(BigDecimal uncertaintyPercent) {
        var deduction = uncertaintyBands.deduction();
        return deduction.rateFor(uncertaintyPercent).orElseThrow(() -> rule("uncertainty-too-high",
                "Uncertainty too high", "relativeUncertaintyPercent", "acceptable-uncertainty",
                "a relative uncertainty of " + uncertaintyPercent.toPlainString() + "% is above the accepted "
                        + deduction.maximumPercent().map(BigDecimal::toPlainString).orElse("?")
                        + "%: more sample plots are needed"));
    }

    private static ReportStratum stratum(StratumRemovals result) {
        Stratum s = result.stratum();
        return new ReportStratum(s.species(), s.areaHectares(), s.volumeStartPerHectare(), s.volumeEndPerHectare(),
                s.factors(), result.factor(), result.carbonStart(), result.carbonEnd(), result.removals());
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static ProblemException rule(String slug, String title, String field, String rule, String detail) {
        return ProblemException.rule(slug, title, detail)
                .with("errors", List.of(new FieldProblem(field, rule, detail)));
    }
}
