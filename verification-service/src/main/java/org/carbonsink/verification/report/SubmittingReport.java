package org.carbonsink.verification.report;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.verification.project.Project;
import org.carbonsink.verification.project.Projects;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner submits a monitoring report; its removals are computed at once from the field data, by
 * the project's method, and stored with their provenance as version 1.
 */
@Component
public class SubmittingReport {

    private final Projects projects;
    private final MonitoringReports reports;
    private final ReportRules rules;
    private final ComputingVersion computing;
    private final StockContinuity continuity;
    private final Clock clock;

    SubmittingReport(Projects projects, MonitoringReports reports, ReportRules rules, ComputingVersion computing,
            StockContinuity continuity, Clock clock) {
        this.projects = projects;
        this.reports = reports;
        this.rules = rules;
        this.computing = computing;
        this.continuity = continuity;
        this.clock = clock;
    }

    @Transactional
    public MonitoringReport submit(SubmitReport command) {
        rules.checkPeriod(command.periodStart(), command.periodEnd());
        Project project = projects.lock(command.projectId()).orElseThrow(() -> new ProblemException(
                HttpStatus.NOT_FOUND, "project-not-registered", "Project not registered",
                "project " + command.projectId() + " is not registered; reports are accepted only for projects "
                        + "the registry has registered"));
        if (!project.ownerId().equals(command.submittedBy())) {
            throw ProblemException.forbidden("only the owner of project " + project.code() + " may submit its reports");
        }
        rules.checkProjectTakesReports(project);
        rules.checkVerifier(project, command.verifierId());
        rules.checkCreditingPeriod(project, command.periodStart(), command.periodEnd());
        checkArea(command, project);
        rules.checkNoOverlap(project, command.periodStart(), command.periodEnd(), null);

        UUID id = UUID.randomUUID();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        ReportVersion version = computing.compute(command, project, id, 1, now);
        continuity.check(project, null, command.periodStart(), command.periodEnd(), version);
        MonitoringReport report = new MonitoringReport(id, project.id(), project.ownerId(), command.verifierId(),
                command.periodStart(), command.periodEnd(), project.calculationMethod(), ReportStatus.SUBMITTED, now,
                null, null, Optional.empty(), version, null);
        reports.add(report);
        reports.record(id, new Transition(null, ReportStatus.SUBMITTED, 1, command.submittedBy(), "PROJECT_OWNER",
                now, null));
        return report;
    }

    static void checkArea(SubmitReport command, Project project) {
        BigDecimal trees = command.strata().stream().map(SubmitReport.MeasuredStratum::areaHectares)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal soil = command.soilAccumulation().stream().map(SubmitReport.AccumulationClaim::areaHectares)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .add(command.soilCarbon().stream().map(SubmitReport.SoilClaim::areaHectares)
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
        // trees and the soil beneath them may share the same hectares, so each is bounded on its own
        BigDecimal largest = trees.max(soil);
        if (largest.compareTo(project.areaHectares()) > 0) {
            throw ReportRules.rule("strata-exceed-project-area", "Strata larger than the project", "strata",
                    "area-within-project", "the strata cover " + largest.toPlainString() + " ha, more than the "
                            + project.areaHectares().toPlainString() + " ha of project " + project.code());
        }
    }
}
