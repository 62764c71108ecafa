package org.carbonsink.registry.pledge;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A pledge of credits to a lender. {@code quantity} is what is pledged; {@code covered} the credits
 * placed under it so far (all at once for issued credits, issuance by issuance for future ones);
 * {@code released}, {@code enforced} and {@code cancelled} the covered credits that left it (back to
 * the pledgor, to the lender, cancelled by a revocation); {@code waived} the uncovered future credits
 * the lender released. A partial release keeps the pledge ACTIVE with less outstanding.
 */
public record Pledge(UUID id, Kind kind, UUID pledgorId, UUID pledgorAccountId, UUID lenderId, String lenderName,
        UUID lenderAccountId, UUID projectId, String projectCode, Integer vintage, long quantity, long covered,
        long released, long waived, long enforced, long cancelled, LoanTerms terms, State state,
        Instant enforcementRequestedAt, Grounds enforcementGrounds, String enforcementReason, Instant createdAt,
        Instant closedAt, String voidReason) {

    /** Where a loan's dates are: its maturity date is a date in Beijing. */
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    public enum Kind {
        CREDITS, FUTURE_ISSUANCE
    }

    /**
     * Why the lender asks to enforce: the loan was not repaid at maturity, or an event of default
     * (non-payment of an instalment, insolvency, a breach the loan contract names) before it.
     */
    public enum Grounds {
        NOT_REPAID_AT_MATURITY, EVENT_OF_DEFAULT
    }

    /** VOIDED: the project was revoked and its credits, the pledged ones too, cancelled. */
    public enum State {
        ACTIVE, RELEASED, ENFORCED, VOIDED
    }

    /** Credits encumbered under the pledge now (the serial blocks in state PLEDGED naming it). */
    public long pledged() {
        return covered - released - enforced - cancelled;
    }

    /** What the pledge still secures; nothing once it is closed. */
    public long outstanding() {
        return state == State.ACTIVE ? quantity - released - waived - enforced - cancelled : 0;
    }

    /** Future credits the next issuances are still to encumber; nothing once the pledge is closed. */
    public long uncovered() {
        return state == State.ACTIVE ? quantity - covered - waived : 0;
    }

    /** From its maturity date on (that day included) the loan is due, and its lender may enforce for non-payment. */
    public boolean matured(LocalDate today) {
        return !today.isBefore(terms.maturityDate());
    }

    public boolean isParty(UUID participantId) {
        return pledgorId.equals(participantId) || lenderId.equals(participantId);
    }

    Pledge with(long covered, long released, long waived, long enforced, long cancelled, State state,
            Instant closedAt) {
        return new Pledge(id, kind, pledgorId, pledgorAccountId, lenderId, lenderName, lenderAccountId, projectId,
                projectCode, vintage, quantity, covered, released, waived, enforced, cancelled, terms, state,
                enforcementRequestedAt, enforcementGrounds, enforcementReason, createdAt, closedAt, voidReason);
    }

    Pledge enforcementRequested(Instant at, Grounds grounds, String reason) {
        return new Pledge(id, kind, pledgorId, pledgorAccountId, lenderId, lenderName, lenderAccountId, projectId,
                projectCode, vintage, quantity, covered, released, waived, enforced, cancelled, terms, state, at,
                grounds, reason, createdAt, closedAt, voidReason);
    }

    Pledge voided(Instant at, String reason) {
        return new Pledge(id, kind, pledgorId, pledgorAccountId, lenderId, lenderName, lenderAccountId, projectId,
                projectCode, vintage, quantity, covered, released, waived, enforced, covered - released - enforced,
                terms, State.VOIDED, enforcementRequestedAt, enforcementGrounds, enforcementReason, createdAt, at, reason);
    }
}
