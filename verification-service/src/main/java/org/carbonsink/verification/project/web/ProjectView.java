package org.carbonsink.verification.project.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.carbonsink.verification.project.Project;

record ProjectView(UUID id, String code, UUID ownerId, String methodologyCode, String ecosystemType,
        BigDecimal areaHectares, BigDecimal bufferRate, UUID validatorId, Instant registeredAt) {

    static ProjectView of(Project p) {
        return new ProjectView(p.id(), p.code(), p.ownerId(), p.methodologyCode(), p.ecosystemType(),
                p.areaHectares(), p.bufferRate(), p.validatorId(), p.registeredAt());
    }
}
