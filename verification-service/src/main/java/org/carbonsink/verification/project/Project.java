package org.carbonsink.verification.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.carbonsink.verification.calculation.CalculationMethod;

/**
 * A registered project. {@code validatorId} is the verifier that validated the project design and
 * so may not verify its reports; {@code bufferRate} (0 to 1) is the share of each verified quantity
 * that goes to the buffer pool. {@code calculationMethod} is the method its methodology version
 * names (or the one derived for an older registration; null when none fits). The crediting period
 * bounds are null when the registry did not send them. {@code state} and {@code issuanceBlocked}
 * follow the registry's ProjectStateChanged.
 */
public record Project(UUID id, String code, UUID ownerId, String methodologyCode, String ecosystemType,
        BigDecimal areaHectares, BigDecimal bufferRate, UUID validatorId, Instant registeredAt, String province,
        String methodologyVersion, CalculationMethod calculationMethod, LocalDate creditingPeriodStart,
        LocalDate creditingPeriodEnd, String state, boolean issuanceBlocked, String stateReason) {

    public boolean validatedBy(UUID verifierId) {
        return verifierId.equals(validatorId);
    }

    public Optional<CalculationMethod> method() {
        return Optional.ofNullable(calculationMethod);
    }

    /**
     * Why the project takes no new monitoring report, or empty when it does: a CANCELLED or REVOKED
     * project never registers again, so a report of it could never be verified, and it would only hold
     * its period against later reports. A SUSPENDED project may resume, and one whose issuance a
     * reversal blocks needs reports to make the loss good: both take reports.
     */
    public Optional<String> reportBar() {
        if ("CANCELLED".equals(state) || "REVOKED".equals(state)) {
            return Optional.of("project " + code + " is " + state + (stateReason == null ? "" : " (" + stateReason + ")")
                    + ": a project that can never be registered again takes no monitoring report");
        }
        return Optional.empty();
    }

    /**
     * Why the project may get no verification now, or empty when it may: it is not REGISTERED
     * (suspended, cancelled, revoked). A reversal that is not yet made good blocks issuance, not
     * verification: the registry withholds the credits of reports verified meanwhile, and the report
     * whose verified removals cover the loss is what makes it good (domain.md, "Non-permanence and
     * buffer": no new credits until the loss is made good), so such a report must be verifiable.
     */
    public Optional<String> verificationBar() {
        if (!"REGISTERED".equals(state)) {
            return Optional.of("project " + code + " is " + state + (stateReason == null ? "" : " (" + stateReason + ")")
                    + ": a project that is not REGISTERED gets no verification");
        }
        return Optional.empty();
    }
}
