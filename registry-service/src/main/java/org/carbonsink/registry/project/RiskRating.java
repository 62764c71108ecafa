package org.carbonsink.registry.project;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The project's non-permanence risk scores in percentage points, entered with its design (Verra
 * AFOLU Non-Permanence Risk Tool: internal, external and natural risk). Their sum is the risk
 * rating; the share of each issuance that goes to the buffer pool is the rating as a fraction, but
 * never below the methodology's buffer rate and never below 10% for a sink (domain.md). The scores
 * have the 2 decimals the registry keeps, so the answer that drafted a design shows them (and their
 * sum) as every later read does.
 */
public record RiskRating(BigDecimal internal, BigDecimal external, BigDecimal natural) {

    /** The floor of the buffer share for every sink project (Verra AFOLU: minimum 10%). */
    public static final BigDecimal SINK_MINIMUM = new BigDecimal("0.1000");

    public RiskRating {
        internal = points(internal);
        external = points(external);
        natural = points(natural);
    }

    private static BigDecimal points(BigDecimal score) {
        return score == null ? null : score.setScale(2, RoundingMode.UNNECESSARY);
    }

    public BigDecimal total() {
        return internal.add(external).add(natural);
    }

    /** The buffer share, 4 decimals: exact, as the scores have at most 2 decimals. */
    public BigDecimal bufferRate(BigDecimal methodologyRate) {
        BigDecimal fromRisk = total().movePointLeft(2).setScale(4, RoundingMode.UNNECESSARY);
        return fromRisk.max(methodologyRate).max(SINK_MINIMUM).setScale(4, RoundingMode.UNNECESSARY);
    }
}
