package org.carbonsink.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The registry registered a sink project. {@code bufferRate} is the share of each verified
 * quantity that goes to the non-tradable buffer pool under the project's methodology (0 to 1).
 * {@code validatorId} is the verifier that validated the project design, or null; it may not
 * verify the project's monitoring reports.
 */
public record ProjectRegistered(
        UUID eventId,
        Instant occurredAt,
        UUID projectId,
        String projectCode,
        String name,
        UUID ownerId,
        String methodologyCode,
        String ecosystemType,
        String province,
        BigDecimal areaHectares,
        BigDecimal bufferRate,
        UUID validatorId) {
}
