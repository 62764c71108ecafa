package org.carbonsink.verification.report.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.carbonsink.verification.calculation.CalculationMethod;
import org.carbonsink.verification.calculation.CalculationResult.Flag;
import org.carbonsink.verification.calculation.Vintage;
import org.carbonsink.verification.report.Decision;
import org.carbonsink.verification.report.MonitoringReport;
import org.carbonsink.verification.report.ReportStatus;
import org.carbonsink.verification.report.ReportVersion;
import org.carbonsink.verification.report.Transition;

/**
 * A report as disclosed, with its current version's figures: {@code netRemovals} in tCO2e to 4
 * decimals (display), {@code verifiedCredits} the floor of the exact value after the deduction, split
 * into {@code vintages} whose buffers add up to {@code bufferCredits}. {@code flags} are plausibility
 * findings for the verifier. Every input and intermediate value is in the calculation report
 * ({@code GET /reports/{id}/calculation-report}); {@code history} lists every transition.
 * {@code verifierName} is the name the registry registered the verifier under: CCER discloses a report
 * with its verifier's name, and the public cannot read the participant record.
 *
 * <p>A report whose net removals are negative shows {@code verifiedCredits} 0 and its loss in
 * {@code lossCredits} (the ceiling of the exact −net, whole tCO2e); once verified, the registry
 * records the loss as a reversal, named by {@code reversalId} and {@code reversalUrl} (at the gateway)
 * when it has. Both are null until then and for every report without a loss.
 */
record ReportView(UUID id, UUID projectId, UUID ownerId, UUID verifierId, String verifierName, ReportStatus status,
        CalculationMethod calculationMethod, LocalDate periodStart, LocalDate periodEnd, int vintage, int version,
        Instant submittedAt, LocalDate disclosureOpens, LocalDate disclosureCloses,
        BigDecimal relativeUncertaintyPercent, String uncertaintySource, BigDecimal netRemovals,
        BigDecimal deductionRate, long verifiedCredits, long bufferCredits, List<Vintage> vintages, List<Flag> flags,
        String provenanceHash, String formulaVersion, String parameterVersion, DecisionView decision,
        List<TransitionView> history, long lossCredits, UUID reversalId, String reversalUrl) {

    static ReportView of(MonitoringReport r, String verifierName, List<Transition> history) {
        ReportVersion v = r.current();
        return new ReportView(r.id(), r.projectId(), r.ownerId(), r.verifierId(), verifierName, r.status(), r.method(),
                r.periodStart(), r.periodEnd(), r.vintage(), v.version(), r.submittedAt(), r.disclosureOpens(),
                r.disclosureCloses(), v.uncertaintyPercent(), v.uncertaintySource(), v.netRemovals(),
                v.deductionRate(), v.credits(), v.bufferCredits(), v.vintages(), v.flags(), v.provenanceHash(),
                v.formulaVersion(), v.parameterVersion(), r.decision().map(DecisionView::of).orElse(null),
                history == null ? null : history.stream().map(TransitionView::of).toList(), v.lossCredits(),
                r.reversalId(), r.reversalId() == null ? null : "/api/registry/reversals/" + r.reversalId());
    }

    record DecisionView(UUID decidedBy, Instant decidedAt, String comment) {

        static DecisionView of(Decision d) {
            return new DecisionView(d.decidedBy(), d.decidedAt(), d.findings());
        }
    }

    record TransitionView(ReportStatus from, ReportStatus to, int version, UUID by, String role, Instant at,
            String comment) {

        static TransitionView of(Transition t) {
            return new TransitionView(t.from(), t.to(), t.version(), t.actor(), t.actorRole(), t.at(), t.comment());
        }
    }
}
