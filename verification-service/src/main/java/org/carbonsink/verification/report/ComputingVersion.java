package org.carbonsink.verification.report;

import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.carbonsink.verification.calculation.CalculationMethod;
import org.carbonsink.verification.calculation.CalculationRefused;
import org.carbonsink.verification.calculation.CalculationResult;
import org.carbonsink.verification.calculation.RemovalCalculation;
import org.carbonsink.verification.project.Project;
import org.carbonsink.verification.provenance.Provenance;
import org.carbonsink.verification.provenance.ProvenanceCodec;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.support.web.ProblemException.FieldProblem;

/** Computes one version of a report from the owner's field data: the input, its provenance and the result. */
@Component
class ComputingVersion {

    private final PreparingCalculation preparing;

    ComputingVersion(PreparingCalculation preparing) {
        this.preparing = preparing;
    }

    ReportVersion compute(SubmitReport command, Project project, UUID reportId, int version, Instant at) {
        CalculationMethod method = project.method().orElseThrow(() -> ReportRules.rule("no-calculation-method",
                "No calculation method", "projectId", "project-has-method", "project " + project.code()
                        + " (methodology " + project.methodologyCode() + ", ecosystem " + project.ecosystemType()
                        + ") names no calculation method this service runs"));
        PreparingCalculation.Prepared prepared = preparing.prepare(command, project, method);
        CalculationResult result;
        try {
            result = RemovalCalculation.calculate(prepared.input());
        } catch (CalculationRefused refused) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, refused.slug(), "Field data refused",
                    refused.getMessage()).with("errors", List.of(new FieldProblem(refused.field(), refused.rule(),
                            refused.getMessage())));
        }
        Provenance provenance = ProvenanceCodec.encode(new Provenance.Header(reportId, version, project.id(),
                project.methodologyCode(), project.methodologyVersion(), prepared.parameterVersion(),
                RemovalCalculation.FORMULA_VERSION), prepared.input());
        return new ReportVersion(version, command.submittedBy(), at, command.periodStart(), command.periodEnd(),
                provenance.text(), provenance.hash(), RemovalCalculation.FORMULA_VERSION, prepared.parameterVersion(),
                result.netRemovals().decimal(4),
                result.uncertainty() == null ? null : result.uncertainty().percent().setScale(4, RoundingMode.UNNECESSARY),
                result.uncertainty() == null ? null : result.uncertainty().source(), result.deductionRate(),
                result.credits(), result.bufferCredits(), result.vintages(), result.flags(), result.lossCredits());
    }
}
