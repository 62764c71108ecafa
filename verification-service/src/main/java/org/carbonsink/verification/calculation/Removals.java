package org.carbonsink.verification.calculation;

import java.math.BigDecimal;
import java.util.List;

/**
 * The result of a removal calculation. {@code deltaCTree} and {@code netRemovals} are tCO2e to four
 * decimals; {@code verifiedCredits} is the whole number of credits after the uncertainty deduction,
 * of which {@code bufferCredits} go to the buffer pool.
 */
public record Removals(List<StratumRemovals> strata, BigDecimal deltaCTree, BigDecimal netRemovals,
        BigDecimal deductionRate, long verifiedCredits, BigDecimal bufferRate, long bufferCredits) {

    public Removals {
        strata = List.copyOf(strata);
    }
}
