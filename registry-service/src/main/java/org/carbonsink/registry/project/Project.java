package org.carbonsink.registry.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A sink project through its CCER lifecycle ({@link ProjectLifecycle}). {@code disclosure} is set
 * once public disclosure opens; {@code appliedAt} and {@code decisionDue} once the owner applies for
 * registration; {@code decidedAt}/{@code decidedBy} by the registration decision;
 * {@code stateChangedAt}/{@code stateChangedBy}/{@code stateReason} by the last suspension,
 * resumption, cancellation or revocation.
 */
public record Project(UUID id, String code, UUID ownerId, ProjectDesign design, BigDecimal bufferRate,
        Status status, Instant draftedAt, Disclosure disclosure, Instant appliedAt, Deadline decisionDue,
        Instant decidedAt, UUID decidedBy, String rejectionReason, Instant stateChangedAt, UUID stateChangedBy,
        String stateReason) {

    public enum Status {
        DRAFT, PUBLIC_DISCLOSURE, VALIDATION, REGISTRATION_APPLIED, REGISTERED, REJECTED, SUSPENDED, CANCELLED, REVOKED
    }

    /**
     * The public disclosure window: the working days from {@code opens} to {@code closes}
     * (inclusive). {@code note} is empty unless a year of the window had no holiday notice.
     * {@code endsAt} is set only when configuration shortened the window (a demo): it then ends at
     * that instant instead.
     */
    public record Disclosure(LocalDate opens, LocalDate closes, String note, Instant endsAt) {

        /** Whether comments are taken on {@code today} at {@code now}. */
        public boolean open(LocalDate today, Instant now) {
            return endsAt != null ? now.isBefore(endsAt) : !today.isBefore(opens) && !today.isAfter(closes);
        }

        /** Whether the window has ended, so validation may begin. */
        public boolean over(LocalDate today, Instant now) {
            return endsAt != null ? !now.isBefore(endsAt) : today.isAfter(closes);
        }
    }

    /** A date by which something must happen; {@code note} as for {@link Disclosure}. */
    public record Deadline(LocalDate due, String note) {
    }

    public String name() {
        return design.name();
    }

    public UUID validatorId() {
        return design.validatorId();
    }

    public String methodologyCode() {
        return design.methodologyCode();
    }

    public boolean is(Status expected) {
        return status == expected;
    }
}
