package org.carbonsink.verification.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.carbonsink.verification.calculation.Vintage;

/**
 * A report version recomputed from its stored provenance: whether the SHA-256 of the stored text is the
 * stored hash, whether the inputs read back from it hash the same, and whether the recomputed figures
 * equal the stored ones. {@code matches} only when all three hold. {@code problem} says why the
 * provenance could not be read, when it could not.
 */
public record Recomputation(UUID reportId, int version, String storedHash, String textHash, String recomputedHash,
        boolean hashMatches, Figures stored, Figures recomputed, boolean resultMatches, boolean matches,
        String problem) {

    /** The figures of a calculation that are compared. */
    public record Figures(BigDecimal netRemovals, BigDecimal deductionRate, long credits, long bufferCredits,
            List<Vintage> vintages) {

        boolean sameAs(Figures other) {
            return other != null && netRemovals.compareTo(other.netRemovals) == 0
                    && deductionRate.compareTo(other.deductionRate) == 0 && credits == other.credits
                    && bufferCredits == other.bufferCredits && vintages.equals(other.vintages);
        }
    }
}
