package org.carbonsink.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The registry registered a sink project. {@code bufferRate} is the share of each verified
 * quantity that goes to the non-tradable buffer pool (0 to 1), set from the methodology's buffer
 * policy and the project's risk rating. {@code validatorId} is the verifier that validated the
 * project design; it may not verify the project's monitoring reports.
 *
 * <p>{@code methodologyVersion} and {@code calculationMethod} name the methodology version and the
 * removal calculation it prescribes (e.g. {@code FOREST_STOCK_DIFFERENCE}); a monitoring report is
 * computed by that method. Claims must lie within the crediting period
 * {@code creditingPeriodStart}..{@code creditingPeriodEnd} (inclusive). These four are null from a
 * producer that predates them.
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
        UUID validatorId,
        String methodologyVersion,
        String calculationMethod,
        LocalDate creditingPeriodStart,
        LocalDate creditingPeriodEnd) {

    /** The form before the methodology version, calculation method and crediting period. */
    public ProjectRegistered(UUID eventId, Instant occurredAt, UUID projectId, String projectCode, String name,
            UUID ownerId, String methodologyCode, String ecosystemType, String province, BigDecimal areaHectares,
            BigDecimal bufferRate, UUID validatorId) {
        this(eventId, occurredAt, projectId, projectCode, name, ownerId, methodologyCode, ecosystemType, province,
                areaHectares, bufferRate, validatorId, null, null, null, null);
    }
}
