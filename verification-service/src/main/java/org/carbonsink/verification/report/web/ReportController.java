package org.carbonsink.verification.report.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.UUID;
import org.carbonsink.support.web.Caller;
import org.carbonsink.support.web.Page;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.verification.report.DecideReport;
import org.carbonsink.verification.report.DecidingReport;
import org.carbonsink.verification.report.MonitoringReports;
import org.carbonsink.verification.report.ReportStatus;
import org.carbonsink.verification.report.SubmittingReport;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Monitoring reports: the owner submits, the verifier decides, everyone may read (public disclosure). */
@RestController
class ReportController {

    private final SubmittingReport submitting;
    private final DecidingReport deciding;
    private final MonitoringReports reports;

    ReportController(SubmittingReport submitting, DecidingReport deciding, MonitoringReports reports) {
        this.submitting = submitting;
        this.deciding = deciding;
        this.reports = reports;
    }

    @PostMapping("/reports")
    ResponseEntity<ReportView> submit(Caller caller, @Valid @RequestBody SubmitReportRequest request) {
        ReportView report = ReportView.of(submitting.submit(request.command(caller.participantId())));
        return ResponseEntity.created(URI.create("/reports/" + report.id())).body(report);
    }

    @PostMapping("/reports/{id}/decision")
    ReportView decide(Caller caller, @PathVariable UUID id, @Valid @RequestBody DecisionRequest request) {
        caller.requireRole("VERIFIER", "decide on monitoring reports");
        return ReportView.of(deciding.decide(
                new DecideReport(id, caller.participantId(), request.decision(), request.comment())));
    }

    @GetMapping("/reports/{id}")
    ReportView report(@PathVariable UUID id) {
        return reports.find(id).map(ReportView::of)
                .orElseThrow(() -> ProblemException.notFound("monitoring report", id));
    }

    @GetMapping("/reports")
    Page<ReportView> reports(@RequestParam(required = false) UUID projectId,
            @RequestParam(required = false) ReportStatus status,
            @RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
            @RequestParam(defaultValue = "0") @Min(0) long offset) {
        return new Page<>(reports.list(projectId, status, limit, offset).stream().map(ReportView::of).toList(),
                limit, offset, reports.count(projectId, status));
    }
}
