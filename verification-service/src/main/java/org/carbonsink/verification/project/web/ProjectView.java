package org.carbonsink.verification.project.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.carbonsink.verification.calculation.CalculationMethod;
import org.carbonsink.verification.project.Project;

record ProjectView(UUID id, String code, UUID ownerId, String methodologyCode, String methodologyVersion,
        CalculationMethod calculationMethod, String ecosystemType, String province, BigDecimal areaHectares,
        BigDecimal bufferRate, UUID validatorId, LocalDate creditingPeriodStart, LocalDate creditingPeriodEnd,
        String state, boolean issuanceBlocked, String stateReason, Instant registeredAt) {

    static ProjectView of(Project p) {
        return new ProjectView(p.id(), p.code(), p.ownerId(), p.methodologyCode(), p.methodologyVersion(),
                p.calculationMethod(), p.ecosystemType(), p.province(), p.areaHectares(), p.bufferRate(),
                p.validatorId(), p.creditingPeriodStart(), p.creditingPeriodEnd(), p.state(), p.issuanceBlocked(),
                p.stateReason(), p.registeredAt());
    }
}
