package org.carbonsink.verification.calculation;

import java.math.BigDecimal;

/** Reports with a relative uncertainty up to {@code upperPercent} (inclusive) lose {@code deductionRate} of their removals. */
public record UncertaintyBand(BigDecimal upperPercent, BigDecimal deductionRate) {
}
