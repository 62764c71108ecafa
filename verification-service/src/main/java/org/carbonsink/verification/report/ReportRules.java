package org.carbonsink.verification.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.support.web.ProblemException.FieldProblem;
import org.carbonsink.verification.participant.Participant;
import org.carbonsink.verification.participant.Participants;
import org.carbonsink.verification.project.Project;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The CCER rules a report's claim and its verifier must meet, each refusal naming its field and rule. */
@Component
class ReportRules {

    /**
     * CCER issuance check: only removals generated after 2020-09-22 are eligible; "after" excludes the day
     * itself, as the registry's "construction started after 2012-11-08" does.
     */
    static final LocalDate FIRST_ELIGIBLE_DAY = LocalDate.of(2020, 9, 23);
    /** CCER issuance check: a claim covers at most the 5 years before its application date. */
    static final int MAXIMUM_CLAIM_YEARS = 5;

    private final Participants participants;
    private final MonitoringReports reports;
    private final Clock clock;

    ReportRules(Participants participants, MonitoringReports reports, Clock clock) {
        this.participants = participants;
        this.reports = reports;
        this.clock = clock;
    }

    /** The period's own rules for a new application, judged on today's date in China (400 on a breach). */
    void checkPeriod(LocalDate start, LocalDate end) {
        checkPeriod(start, end, LocalDate.now(clock));
    }

    /**
     * The period's own rules; the 5 years are counted back from {@code applicationDate} (a resubmission
     * keeps the date of the report's first submission), the future from today.
     */
    void checkPeriod(LocalDate start, LocalDate end, LocalDate applicationDate) {
        List<FieldProblem> problems = new ArrayList<>();
        if (start.isBefore(FIRST_ELIGIBLE_DAY)) {
            problems.add(new FieldProblem("periodStart", "after-2020-09-22",
                    "must be after 2020-09-22 (2020-09-23 at the earliest): CCER credits only removals generated after that day"));
        }
        if (!end.isAfter(start)) {
            problems.add(new FieldProblem("periodEnd", "after-period-start", "must be after periodStart"));
        }
        LocalDate today = LocalDate.now(clock);
        if (end.isAfter(today)) {
            problems.add(new FieldProblem("periodEnd", "not-in-future", "must not be in the future (today is " + today + ")"));
        }
        LocalDate earliest = applicationDate.minusYears(MAXIMUM_CLAIM_YEARS);
        if (start.isBefore(earliest)) {
            problems.add(new FieldProblem("periodStart", "within-5-years-before-submission",
                    "must be on or after " + earliest + ": CCER lets a claim cover at most the 5 years before its "
                            + "application (" + applicationDate + ")"));
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                    String.join("; ", problems.stream().map(p -> p.field() + " " + p.message()).toList()))
                    .with("errors", problems);
        }
    }

    /** The period lies within the project's crediting period, when the registry sent one (422). */
    void checkCreditingPeriod(Project project, LocalDate start, LocalDate end) {
        if (project.creditingPeriodStart() != null && start.isBefore(project.creditingPeriodStart())) {
            throw rule("outside-crediting-period", "Outside the crediting period", "periodStart",
                    "within-crediting-period", "the crediting period of project " + project.code() + " starts on "
                            + project.creditingPeriodStart());
        }
        if (project.creditingPeriodEnd() != null && end.isAfter(project.creditingPeriodEnd())) {
            throw rule("outside-crediting-period", "Outside the crediting period", "periodEnd",
                    "within-crediting-period", "the crediting period of project " + project.code() + " ends on "
                            + project.creditingPeriodEnd());
        }
    }

    /** One project's periods never overlap: another live report covering a day of this one is a conflict (409). */
    void checkNoOverlap(Project project, LocalDate start, LocalDate end, UUID except) {
        Optional<UUID> overlapping = reports.overlapping(project.id(), start, end, except);
        if (overlapping.isPresent()) {
            throw new ProblemException(HttpStatus.CONFLICT, "overlapping-period", "Period already reported",
                    "report " + overlapping.get() + " of project " + project.code() + " already covers part of "
                            + start + " to " + end)
                    .with("errors", List.of(new FieldProblem("periodStart", "no-overlap",
                            "the period overlaps report " + overlapping.get())))
                    .with("overlappingReportId", overlapping.get());
        }
    }

    /**
     * The verifier is independent (not the owner), did not validate the project (CCER: verification is
     * by a body other than the validator), and is registered as a VERIFIER (422).
     */
    void checkVerifier(Project project, UUID verifierId) {
        if (verifierId.equals(project.ownerId())) {
            throw rule("verifier-is-owner", "Owner cannot verify", "verifierId", "verifier-not-owner",
                    "the verifier must be an independent body, not the owner of project " + project.code());
        }
        if (project.validatorId() == null) {
            throw rule("validator-unknown", "Validator not known", "verifierId", "validator-known",
                    "the registry has not named the validator of project " + project.code()
                            + ", so the independence of a verifier cannot be checked");
        }
        if (project.validatedBy(verifierId)) {
            throw rule("verifier-validated-project", "Verifier validated the project", "verifierId",
                    "verifier-not-validator", "the verifier validated project " + project.code()
                            + " and may not verify its reports");
        }
        Optional<Participant> participant = participants.find(verifierId);
        if (participant.isEmpty() || !participant.get().isVerifier()) {
            throw rule("verifier-not-registered", "Not a registered verifier", "verifierId", "registered-verifier",
                    "participant " + verifierId + (participant.isEmpty() ? " is not registered"
                            : " is registered as " + participant.get().role()) + ", not as a VERIFIER");
        }
    }

    /** A suspended, cancelled or revoked project gets no verification (422); see Project#verificationBar. */
    void checkProjectMayBeVerified(Project project) {
        project.verificationBar().ifPresent(reason -> {
            throw notVerifiable(project, reason);
        });
    }

    /** A cancelled or revoked project takes no report, first or resubmitted (422); see Project#reportBar. */
    void checkProjectTakesReports(Project project) {
        project.reportBar().ifPresent(reason -> {
            throw notVerifiable(project, reason);
        });
    }

    private static ProblemException notVerifiable(Project project, String reason) {
        return ProblemException.rule("project-not-verifiable", "Project gets no verification", reason)
                .with("projectState", project.state()).with("issuanceBlocked", project.issuanceBlocked());
    }

    static ProblemException rule(String slug, String title, String field, String rule, String detail) {
        return ProblemException.rule(slug, title, detail).with("errors", List.of(new FieldProblem(field, rule, detail)));
    }
}
