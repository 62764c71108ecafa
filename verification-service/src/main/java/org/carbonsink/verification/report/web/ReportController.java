package org.carbonsink.verification.report.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.carbonsink.support.web.Caller;
import org.carbonsink.support.web.CsvMessageConverter;
import org.carbonsink.support.web.CsvTable;
import org.carbonsink.support.web.Locations;
import org.carbonsink.support.web.Page;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.support.web.Refuses;
import org.carbonsink.verification.participant.Participant;
import org.carbonsink.verification.participant.Participants;
import org.carbonsink.verification.report.DecideReport;
import org.carbonsink.verification.report.DecidingReport;
import org.carbonsink.verification.report.DisclosingReport;
import org.carbonsink.verification.report.MonitoringReport;
import org.carbonsink.verification.report.MonitoringReports;
import org.carbonsink.verification.report.Recomputation;
import org.carbonsink.verification.report.RecomputingReport;
import org.carbonsink.verification.report.ReportStatus;
import org.carbonsink.verification.report.ResubmittingReport;
import org.carbonsink.verification.report.StartingVerification;
import org.carbonsink.verification.report.SubmittingReport;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Monitoring reports: the owner submits, discloses and resubmits; the verifier takes a report up and
 * decides; everyone may read, recompute and read the calculation report (public disclosure).
 */
@RestController
class ReportController {

    private final SubmittingReport submitting;
    private final DisclosingReport disclosing;
    private final StartingVerification starting;
    private final DecidingReport deciding;
    private final ResubmittingReport resubmitting;
    private final RecomputingReport recomputing;
    private final MonitoringReports reports;
    private final Participants participants;

    ReportController(SubmittingReport submitting, DisclosingReport disclosing, StartingVerification starting,
            DecidingReport deciding, ResubmittingReport resubmitting, RecomputingReport recomputing,
            MonitoringReports reports, Participants participants) {
        this.submitting = submitting;
        this.disclosing = disclosing;
        this.starting = starting;
        this.deciding = deciding;
        this.resubmitting = resubmitting;
        this.recomputing = recomputing;
        this.reports = reports;
        this.participants = participants;
    }

    @Refuses({ HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT })
    @PostMapping("/reports")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ReportView> submit(Caller caller, @Valid @RequestBody SubmitReportRequest request) {
        ReportView report = view(submitting.submit(request.command(caller.participantId())));
        return ResponseEntity.created(Locations.of("/reports/" + report.id())).body(report);
    }

    @Refuses(HttpStatus.CONFLICT)
    @PostMapping("/reports/{id}/disclosure")
    ReportView disclose(Caller caller, @PathVariable UUID id) {
        return view(disclosing.disclose(id, caller.participantId()));
    }

    @Refuses({ HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT })
    @PostMapping("/reports/{id}/verification")
    ReportView startVerification(Caller caller, @PathVariable UUID id) {
        caller.requireRole("VERIFIER", "verify monitoring reports");
        return view(starting.start(id, caller.participantId()));
    }

    @Refuses({ HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT })
    @PostMapping("/reports/{id}/decision")
    ReportView decide(Caller caller, @PathVariable UUID id, @Valid @RequestBody DecisionRequest request) {
        caller.requireRole("VERIFIER", "decide on monitoring reports");
        return view(deciding.decide(new DecideReport(id, caller.participantId(), request.decision(), request.comment())));
    }

    @Refuses({ HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT })
    @PostMapping("/reports/{id}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ReportView> resubmit(Caller caller, @PathVariable UUID id,
            @Valid @RequestBody SubmitReportRequest request) {
        ReportView report = view(resubmitting.resubmit(id, request.command(caller.participantId())));
        return ResponseEntity.created(Locations.of("/reports/" + id + "/versions/" + report.version())).body(report);
    }

    @GetMapping("/reports/{id}")
    ReportView report(@PathVariable UUID id) {
        return reports.find(id).map(this::view).orElseThrow(() -> ProblemException.notFound("monitoring report", id));
    }

    @GetMapping("/reports/{id}/versions")
    List<VersionView> versions(@PathVariable UUID id) {
        reports.find(id).orElseThrow(() -> ProblemException.notFound("monitoring report", id));
        return reports.versions(id).stream().map(VersionView::of).toList();
    }

    @GetMapping("/reports/{id}/versions/{version}")
    VersionView version(@PathVariable UUID id, @PathVariable int version) {
        return reports.versions(id).stream().filter(v -> v.version() == version).findFirst().map(VersionView::of)
                .orElseThrow(() -> ProblemException.notFound("version of monitoring report " + id, version));
    }

    /** Recomputes the report (its current version, or {@code version}) from its stored provenance alone. */
    @GetMapping("/reports/{id}/recomputation")
    Recomputation recomputation(@PathVariable UUID id, @RequestParam(required = false) @Min(1) Integer version) {
        return recomputing.recompute(id, version);
    }

    /** The calculation report as one HTML page, whatever the client accepts: it is a document, not data. */
    @GetMapping("/reports/{id}/calculation-report")
    ResponseEntity<String> calculationReport(@PathVariable UUID id,
            @RequestParam(required = false) @Min(1) Integer version) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(HtmlCalculationReport.render(CalculationReport.of(recomputing.calculated(id, version))));
    }

    /** The same calculation report as PDF. */
    @GetMapping("/reports/{id}/calculation-report.pdf")
    ResponseEntity<byte[]> calculationReportPdf(@PathVariable UUID id,
            @RequestParam(required = false) @Min(1) Integer version) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"calculation-report-" + id + ".pdf\"")
                .body(PdfCalculationReport.render(CalculationReport.of(recomputing.calculated(id, version))));
    }

    @GetMapping("/reports")
    Page<ReportView> reports(@RequestParam(required = false) UUID projectId,
            @RequestParam(required = false) ReportStatus status,
            @RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
            @RequestParam(defaultValue = "0") @Min(0) long offset) {
        List<MonitoringReport> page = reports.list(projectId, status, limit, offset);
        Map<UUID, String> verifiers = participants.names(page.stream().map(MonitoringReport::verifierId)
                .collect(Collectors.toSet()));
        return new Page<>(page.stream().map(r -> ReportView.of(r, verifiers.get(r.verifierId()), null)).toList(), limit,
                offset, reports.count(projectId, status));
    }

    /**
     * The same page as CSV, one line per report with its own columns: the lists a report holds are one cell
     * each ({@code vintages} as {@code year:credits:buffer}, {@code flags} as {@code field:rule}, separated by
     * spaces) and the decision is its verifier and time, where the record columns would be Java's text of them.
     */
    @GetMapping(path = "/reports", produces = CsvMessageConverter.TEXT_CSV_VALUE)
    ResponseEntity<String> reportsCsv(@RequestParam(required = false) UUID projectId,
            @RequestParam(required = false) ReportStatus status,
            @RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
            @RequestParam(defaultValue = "0") @Min(0) long offset) {
        return CsvTable.of(reports(projectId, status, limit, offset), CSV_COLUMNS, r -> Arrays.asList(r.id(),
                r.projectId(), r.ownerId(), r.verifierId(), r.status(), r.calculationMethod(), r.periodStart(),
                r.periodEnd(), r.vintage(), r.version(), r.submittedAt(), r.disclosureOpens(), r.disclosureCloses(),
                r.relativeUncertaintyPercent(), r.uncertaintySource(), r.netRemovals(), r.deductionRate(),
                r.verifiedCredits(), r.bufferCredits(), r.vintages().stream().map(v -> v.year() + ":" + v.credits()
                        + ":" + v.bufferCredits()).collect(Collectors.joining(" ")),
                r.flags().stream().map(f -> f.field() + ":" + f.rule()).collect(Collectors.joining(" ")),
                r.provenanceHash(), r.formulaVersion(), r.parameterVersion(),
                r.decision() == null ? null : r.decision().decidedBy(),
                r.decision() == null ? null : r.decision().decidedAt(), r.lossCredits(), r.reversalId(),
                r.reversalUrl()));
    }

    private static final List<String> CSV_COLUMNS = List.of("id", "projectId", "ownerId", "verifierId", "status",
            "calculationMethod", "periodStart", "periodEnd", "vintage", "version", "submittedAt", "disclosureOpens",
            "disclosureCloses", "relativeUncertaintyPercent", "uncertaintySource", "netRemovals", "deductionRate",
            "verifiedCredits", "bufferCredits", "vintages", "flags", "provenanceHash", "formulaVersion",
            "parameterVersion", "decidedBy", "decidedAt", "lossCredits", "reversalId", "reversalUrl");

    private ReportView view(MonitoringReport report) {
        String verifierName = participants.find(report.verifierId()).map(Participant::name).orElse(null);
        return ReportView.of(report, verifierName, reports.transitions(report.id()));
    }
}
