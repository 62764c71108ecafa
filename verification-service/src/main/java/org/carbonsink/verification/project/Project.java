package org.carbonsink.verification.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A registered project. {@code validatorId}, when known, is the verifier that validated the
 * project design and so may not verify its reports; {@code bufferRate} (0 to 1) is the share of
 * each verified quantity that goes to the buffer pool.
 */
public record Project(UUID id, String code, UUID ownerId, String methodologyCode, String ecosystemType,
        BigDecimal areaHectares, BigDecimal bufferRate, UUID validatorId, Instant registeredAt) {

    public boolean validatedBy(UUID verifierId) {
        return verifierId.equals(validatorId);
    }
}
