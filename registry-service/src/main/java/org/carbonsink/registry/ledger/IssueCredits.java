package org.carbonsink.registry.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Issue the credits of a verified monitoring report: per vintage (calendar year of removal), the
 * verified credits, of which {@code bufferCredits} go to the buffer pool.
 */
public record IssueCredits(UUID reportId, UUID projectId, UUID ownerId, long verifiedCredits, long bufferCredits,
        List<VintageCredits> vintages) {

    public IssueCredits {
        vintages = List.copyOf(vintages);
    }

    public record VintageCredits(int vintage, long credits, long bufferCredits) {
    }

    /**
     * The vintages left to issue once {@code madeGood} of the report's credits made a loss good: they
     * come off the oldest vintage first (the earliest regrowth replaces the lost carbon first); a
     * vintage left with none is not issued, and one left with part of its credits gives
     * ceil(part · {@code bufferRate}) of them to the buffer pool, as verification computes a
     * vintage's buffer (docs/domain.md). Nothing made good leaves the vintages as verified.
     */
    public List<VintageCredits> afterMakingGood(long madeGood, BigDecimal bufferRate) {
        if (madeGood == 0) {
            return vintages;
        }
        List<VintageCredits> left = new ArrayList<>();
        long toMakeGood = madeGood;
        for (VintageCredits v : vintages.stream().sorted(Comparator.comparingInt(VintageCredits::vintage)).toList()) {
            long taken = Math.min(toMakeGood, v.credits());
            toMakeGood -= taken;
            long rest = v.credits() - taken;
            if (taken == 0) {
                left.add(v);
            } else if (rest > 0) {
                long buffer = new BigDecimal(rest).multiply(bufferRate).setScale(0, RoundingMode.CEILING)
                        .longValueExact();
                left.add(new VintageCredits(v.vintage(), rest, Math.min(rest, buffer)));
            }
        }
        return List.copyOf(left);
    }
}
