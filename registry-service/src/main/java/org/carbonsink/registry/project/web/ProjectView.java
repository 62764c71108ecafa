package org.carbonsink.registry.project.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carbonsink.registry.project.EcosystemType;
import org.carbonsink.registry.project.FuturePledge;
import org.carbonsink.registry.project.Project;
import org.carbonsink.registry.project.ProjectDesign;
import org.carbonsink.registry.project.ValidationReport;

/**
 * A project as the public sees it: its design with the boundary as GeoJSON and its area measured
 * on it, its state, disclosure window, validation report and decision deadline, and the standing
 * pledges of its future issuance (what each lender is still to receive as encumbered credits).
 * {@code ownerName} and {@code validatorName} are the names the registry registered them under: CCER
 * discloses a design with the verifier chosen to validate it, and the public cannot read participant records.
 */
record ProjectView(UUID id, String code, String name, UUID ownerId, String ownerName, String methodologyCode,
        String methodologyVersion, EcosystemType ecosystemType, String province, String county,
        BigDecimal areaHectares, BigDecimal boundaryHectares, LocalDate constructionStart,
        LocalDate creditingPeriodStart, LocalDate creditingPeriodEnd, UUID validatorId, String validatorName,
        RiskRatingView risk, BigDecimal bufferRate, Project.Status status, Instant draftedAt,
        DisclosureView disclosure, ValidationReportView validationReport, Instant appliedAt,
        DeadlineView decisionDue, Instant decidedAt, UUID decidedBy, String rejectionReason, Instant stateChangedAt,
        UUID stateChangedBy, String stateReason, Map<String, Object> boundary, List<FuturePledge> futurePledges) {

    static ProjectView of(Project p, String ownerName, String validatorName, ValidationReport report, LocalDate today,
            Instant now, List<FuturePledge> futurePledges) {
        ProjectDesign d = p.design();
        return new ProjectView(p.id(), p.code(), d.name(), p.ownerId(), ownerName, d.methodologyCode(),
                d.methodologyVersion(), d.ecosystemType(), d.province(), d.county(), d.areaHectares(),
                d.boundary() == null ? null : d.boundary().hectares(), d.constructionStart(), d.creditingPeriodStart(),
                d.creditingPeriodEnd(), d.validatorId(), validatorName, RiskRatingView.of(d.risk()), p.bufferRate(),
                p.status(),
                p.draftedAt(), p.disclosure() == null ? null : DisclosureView.of(p.disclosure(), p.status(), today, now),
                report == null ? null : ValidationReportView.of(report), p.appliedAt(),
                DeadlineView.of(p.decisionDue(), p.status(), today), p.decidedAt(), p.decidedBy(),
                p.rejectionReason(), p.stateChangedAt(), p.stateChangedBy(), p.stateReason(),
                d.boundary() == null ? null : d.boundary().toGeoJson(), futurePledges);
    }
}
