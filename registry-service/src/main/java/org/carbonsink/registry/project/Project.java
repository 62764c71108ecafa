package org.carbonsink.registry.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A sink project. This step models the registration decision only: the owner applies, a registry
 * administrator registers or rejects (CCER: the registry decides within 15 working days).
 */
public record Project(UUID id, String code, String name, UUID ownerId, String methodologyCode,
        EcosystemType ecosystemType, String province, BigDecimal areaHectares, UUID validatorId,
        BigDecimal bufferRate, Status status, Instant appliedAt, Instant decidedAt, UUID decidedBy,
        String rejectionReason) {

    public enum Status {
        REGISTRATION_APPLIED, REGISTERED, REJECTED
    }
}
